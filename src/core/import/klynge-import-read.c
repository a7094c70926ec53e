/* klynge-import-read.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the file: its header, each row into measurements of small
 * fixed-size records, rows that are not clinics, suppressed values,
 * reference rows; and the preview of a file's first rows.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-import-private.h"
#include "klynge-period.h"
#include "klynge-submissions.h"
#include "klynge-topics.h"

gboolean
klynge_import_parse_number (const char *text,
                            char        decimal,
                            double     *result)
{
  char thousands = decimal == ',' ? '.' : ',';
  /* A million cells pass here: no allocation. Longer texts are no number. */
  char plain[64];
  gsize len = 0;
  const char *p = text;
  const char *last_group = NULL;
  gboolean seen_decimal = FALSE;
  gboolean grouped = FALSE;
  char *end;

#define PUT(c) G_STMT_START { if (len >= sizeof plain - 1) return FALSE; plain[len++] = (c); } G_STMT_END
#define GROUP_OK() (!grouped || (p - last_group - 1) == 3)

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    PUT (*p++);

  for (; *p != '\0'; p++)
    {
      if (*p == '%' || (g_ascii_isspace (*p) && p[strspn (p, " \t%")] == '\0'))
        break;
      else if (g_ascii_isdigit (*p))
        PUT (*p);
      else if (*p == decimal && !seen_decimal)
        {
          /* "1.234,5": the groups before the decimal must be whole. */
          if (!GROUP_OK ())
            return FALSE;
          seen_decimal = TRUE;
          PUT ('.');
        }
      else if ((*p == thousands || *p == ' ') && !seen_decimal && len > 0)
        {
          /* Thousands groups hold exactly three digits. */
          if (!GROUP_OK ())
            return FALSE;
          grouped = TRUE;
          last_group = p;
        }
      else if ((guchar)*p == 0xC2 && (guchar)p[1] == 0xA0 && !seen_decimal && len > 0)
        {
          /* A UTF-8 no-break space, the thousands separator of some locales. */
          if (!GROUP_OK ())
            return FALSE;
          grouped = TRUE;
          last_group = ++p;
        }
      else if ((*p == 'e' || *p == 'E') && len > 0 && !grouped)
        {
          for (; *p != '\0'; p++)
            PUT (*p);
          break;
        }
      else
        return FALSE;
    }

  if (!seen_decimal && !GROUP_OK ())
    return FALSE;
#undef PUT
#undef GROUP_OK

  plain[len] = '\0';
  if (len == 0 || (len == 1 && (plain[0] == '-' || plain[0] == '+')))
    return FALSE;

  /* 1e-400 is not 0, nor 1e400 infinite: out of range is no number. */
  errno = 0;
  *result = g_ascii_strtod (plain, &end);
  return *end == '\0' && isfinite (*result) && errno != ERANGE;
}

static const char *
field (const KlyngeTableRow *row,
       int                   column)
{
  return column >= 0 && (guint)column < row->n_fields ? row->fields[column] : "";
}

static guint
field_line (const KlyngeTableRow *row,
            int                   column)
{
  return column >= 0 && (guint)column < row->n_fields && row->lines != NULL ? row->lines[column] : row->line;
}

typedef enum
{
  ROW_CLINIC,
  ROW_TOTAL,       /* "I alt", "Total": the file's own sum */
  ROW_AREA,        /* "Hele landet", "England", "Region Midtjylland" */
} RowKind;

static gboolean
label_is_total (const char *key)
{
  static const char *totals[] = { "=ialt", "=total", "=totals", "=sum", "=grandtotal", "=allpractices", "=alleklinikker",
                                  "=allepraksis", "=klyngenialt", "=klyngeialt", "=klyngen", "=samlet", "=allclinics", NULL };

  return g_strv_contains (totals, key) || g_str_has_suffix (key, "ialt") || g_str_has_prefix (key, "=total");
}

/* The ONS code of a nation or region, as NHS files name them: E92000001,
 * E40000003. By hand: a regular expression compiled for each row of
 * unknown clinics was a tenth of reading a file of them. */
static gboolean
is_ons_area_code (const char *folded)
{
  g_autofree char *code = g_strstrip (g_strdup (folded));

  if (strlen (code) != 9 || strchr ("ensw", code[0]) == NULL ||
      !(g_str_has_prefix (code + 1, "92") || g_str_has_prefix (code + 1, "12") || g_str_has_prefix (code + 1, "40")))
    return FALSE;
  for (guint i = 3; i < 9; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
label_is_area (const char *folded,
               const char *key)
{
  static const char *areas[] = { "=helelandet", "=landet", "=danmark", "=national", "=england", "=scotland", "=wales",
                                 "=northernireland", "=unitedkingdom", "=uk", "=landsgennemsnit", "=landsplan",
                                 "=heleregionen", "=englandaverage", "=scotlandaverage", NULL };

  return g_strv_contains (areas, key) || g_str_has_prefix (folded, "region ") || g_str_has_prefix (folded, "nhs region") ||
         is_ons_area_code (folded);
}

static RowKind
classify_label (const char *text)
{
  g_autofree char *folded = NULL, *key = NULL;

  if (*text == '\0')
    return ROW_CLINIC;
  folded = _klynge_import_fold (text);
  key = klynge_import_name_key (text);
  if (label_is_total (key))
    return ROW_TOTAL;
  if (label_is_area (folded, key))
    return ROW_AREA;
  return ROW_CLINIC;
}

/* Only asked of a row whose clinic is unknown: a clinic is never taken for
 * a total, even one called "Total Lægehus". */
static RowKind
classify_row (Prepare              *self,
              const KlyngeTableRow *row)
{
  static const char *clinic_types[] = { "=gp", "=gppractice", "=practice", "=praksis", "=klinik", "=laegepraksis",
                                        "=clinic", "=", NULL };
  RowKind kind = classify_label (field (row, self->col_clinic));

  if (kind == ROW_CLINIC)
    kind = classify_label (field (row, self->col_clinic_name));
  for (guint i = 0; kind == ROW_CLINIC && i < row->n_fields; i++)
    if (*row->fields[i] != '\0')
      {
        /* The clinic's own fields were asked above. */
        if ((int) i != self->col_clinic && (int) i != self->col_clinic_name)
          kind = classify_label (row->fields[i]) == ROW_TOTAL ? ROW_TOTAL : ROW_CLINIC;
        break;
      }
  if (kind == ROW_CLINIC && self->col_area_type >= 0)
    {
      g_autofree char *type = klynge_import_name_key (field (row, self->col_area_type));

      if (!g_strv_contains (clinic_types, type))
        kind = ROW_AREA;
    }
  return kind;
}

static gboolean
is_suppression_marker (const char *text)
{
  static const char *markers[] = { "*", "**", "c", "..", "x", "s", ":", "supp", "suppressed", "undertrykt",
                                   "diskretioneret", NULL };
  g_autofree char *folded = _klynge_import_fold (text);
  const char *p = folded;

  if (*p == '<')
    {
      for (p++; *p == ' '; p++)
        ;
      return g_ascii_isdigit (*p) && p[strspn (p, "0123456789")] == '\0';
    }
  return g_strv_contains (markers, folded);
}

static gboolean
cell_suppressed (Prepare              *self,
                 const KlyngeTableRow *row,
                 int                   column)
{
  int quality;

  if (column < 0)
    return FALSE;
  if (is_suppression_marker (field (row, column)))
    return TRUE;
  quality = (guint)column < self->quality->len ? g_array_index (self->quality, int, column) : -1;
  return *field (row, column) == '\0' && quality >= 0 && is_suppression_marker (field (row, quality));
}

/* A name found twice is never taken silently: "Registered patients" of
 * January would be stored as May's. The user names one by position. */
static int
require_column (Prepare              *self,
                const KlyngeTableRow *row,
                const char           *header,
                const char           *role)
{
  int column;

  if (header == NULL)
    return -1;
  /* A label tells a repeated name apart by the group above it:
   * "Registered patients (2022-05-01)". */
  column = row->labels != NULL ? klynge_import_column_position ((const char *const *)row->labels, row->n_fields, header) : -1;
  if (column < 0)
    column = klynge_import_column_position ((const char *const *)row->fields, row->n_fields, header);
  if (column == -1)
    _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, header, NULL,
                                _("The file has no column “%s” (the %s)."), header, role);
  else if (column == -2)
    {
      g_autofree char *wanted = _klynge_import_fold (header);
      g_autoptr(GString) positions = g_string_new (NULL);
      guint first = 0;

      for (guint i = 0; i < row->n_fields; i++)
        {
          g_autofree char *folded = _klynge_import_fold (row->fields[i]);

          if (!g_str_equal (folded, wanted))
            continue;
          if (first == 0)
            first = i + 1;
          g_string_append_printf (positions, "%s#%u", positions->len > 0 ? ", " : "", i + 1);
        }
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, header, NULL,
                                  _("More than one column is called “%s” (%s): say which is the %s by its position, as “#%u”."),
                                  header, positions->str, role, first);
    }
  if (column < 0)
    self->columns_missing = TRUE;
  return column;
}

/* PHS flags a withheld cell in a column beside it: "AllAges" has "AllAgesQF". */
static void
find_quality_columns (Prepare              *self,
                      const KlyngeTableRow *row)
{
  static const char *suffixes[] = { "qf", "_qf", " qf", " flag", "_flag", NULL };

  g_array_set_size (self->quality, row->n_fields);
  for (guint i = 0; i < row->n_fields; i++)
    {
      int quality = -1;

      for (guint j = 0; quality < 0 && suffixes[j] != NULL && *row->fields[i] != '\0'; j++)
        {
          g_autofree char *name = g_strconcat (row->fields[i], suffixes[j], NULL);
          quality = klynge_import_column_position ((const char *const *)row->fields, row->n_fields, name);
        }
      g_array_index (self->quality, int, i) = quality;
    }
}

/* The one way a file's period becomes a stored one: parsed to its key,
 * made a month (say) when the user asks for months. */
static char *
parse_period (Prepare     *self,
              const char  *text,
              GError     **error)
{
  KlyngePeriod period;

  if (!klynge_period_parse (text, &period, error))
    return NULL;
  if (self->coarsen)
    klynge_period_coarsen (&period, self->granularity, &period);
  return klynge_period_to_key (&period);
}

static void
read_header (Prepare              *self,
             const KlyngeTableRow *row)
{
  const KlyngeImportMapping *m = self->mapping;

  self->have_header = TRUE;
  self->decimal = m->decimal ? m->decimal :
                  row->delimiter == ';' ? ',' :
                  row->delimiter == ',' || row->delimiter == 0 ? '.' :
                  localeconv ()->decimal_point[0] == ',' ? ',' : '.';

  if (m->clinic == NULL)
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, NULL, NULL,
                                  _("Choose the column that names the clinic."));
      self->columns_missing = TRUE;
    }
  self->col_clinic = require_column (self, row, m->clinic, _("clinic"));
  self->col_clinic_name = require_column (self, row, m->clinic_name, _("clinic’s name"));
  self->col_period = require_column (self, row, m->period, _("period"));
  if (m->period_granularity != NULL &&
      !(self->coarsen = klynge_period_granularity_from_string (m->period_granularity, &self->granularity)))
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD, row->line, 0, m->period_granularity, NULL,
                                  _("Periods can be made years, financial years, quarters, months or days, not “%s”."),
                                  m->period_granularity);
      self->columns_missing = TRUE;
    }
  for (const char *const *name = (const char *const[]) { "area type", "areatype", "area_type", "områdetype", "niveau", NULL };
       *name != NULL && self->col_area_type < 0; name++)
    self->col_area_type = klynge_import_column_position ((const char *const *)row->fields, row->n_fields, *name);
  for (guint i = 0; i < m->where->len; i++)
    {
      KlyngeImportFilter *filter = g_ptr_array_index (m->where, i);
      int column = require_column (self, row, filter->column, _("row filter"));

      g_array_append_val (self->filter_columns, column);
      g_ptr_array_add (self->filter_values, _klynge_import_fold (filter->value));
    }
  find_quality_columns (self, row);
  if (m->period == NULL)
    {
      g_autoptr(GError) period_error = NULL;

      if (m->fixed_period != NULL && *m->fixed_period != '\0')
        self->fixed_period = parse_period (self, m->fixed_period, &period_error);
      if (self->fixed_period == NULL)
        {
          _klynge_import_add_problem (self, period_error ? KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD : KLYNGE_IMPORT_PROBLEM_MISSING_PERIOD,
                                      row->line, 0, m->fixed_period, NULL, "%s",
                                      period_error ? period_error->message :
                                      _("Choose the column of the period, or give the period of the whole file."));
          self->columns_missing = TRUE;
        }
    }

  if (m->layout == KLYNGE_IMPORT_LONG)
    {
      self->col_indicator = require_column (self, row, m->indicator, _("indicator"));
      self->col_numerator = require_column (self, row, m->numerator, _("numerator"));
      self->col_denominator = require_column (self, row, m->denominator, _("denominator"));
      self->col_value = require_column (self, row, m->value, _("value"));
      if (m->indicator == NULL || (m->value == NULL && (m->numerator == NULL || m->denominator == NULL)))
        {
          _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, NULL, NULL,
                                      _("Choose the columns of the indicator and of its numerator and denominator, or of its value."));
          self->columns_missing = TRUE;
        }
      return;
    }

  for (guint i = 0; i < m->wide->len; i++)
    {
      KlyngeImportWideColumn *column = g_ptr_array_index (m->wide, i);
      WideMeasure measure = {
        _klynge_import_find_indicator (self, column->indicator),
        require_column (self, row, column->numerator, _("numerator")),
        require_column (self, row, column->denominator, _("denominator")),
        require_column (self, row, column->value, _("value")),
      };

      if (measure.indicator_id == 0 && m->add_indicators)
        measure.indicator_id = _klynge_import_add_file_indicator (self, column->indicator, column->value != NULL ? "value" : "percent");
      if (measure.indicator_id == 0)
        {
          _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR, row->line, 0, column->indicator,
                                      _klynge_import_suggest (column->indicator, (const char **)self->indicator_names->pdata, self->indicator_names->len),
                                      _("There is no indicator “%s”."), column->indicator);
          /* The rows are still read: their unknown clinics are listed
           * with the unknown indicator, to be added in the same step. */
        }
      g_array_append_val (self->wide, measure);
    }
  if (m->wide->len == 0)
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, NULL, NULL,
                                  _("Choose at least one column with an indicator’s numbers."));
      self->columns_missing = TRUE;
    }
}

/* A count: whole, not negative. NO_COUNT for an empty cell; FALSE on a problem. */
static gboolean
read_count (Prepare              *self,
            const KlyngeTableRow *row,
            int                   column,
            gint64               *count)
{
  const char *text = field (row, column);
  double number;

  *count = NO_COUNT;
  if (column < 0 || *text == '\0')
    return TRUE;
  if (!klynge_import_parse_number (text, self->decimal, &number))
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_NOT_A_NUMBER, field_line (row, column), column + 1, text, NULL,
                                  _("“%s” is not a number."), text);
      return FALSE;
    }
  if (number < 0)
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_NEGATIVE, field_line (row, column), column + 1, text, NULL,
                                  _("A count cannot be negative (%s)."), text);
      return FALSE;
    }
  if (number != floor (number) || number > 1e15)
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_NOT_WHOLE, field_line (row, column), column + 1, text, NULL,
                                  _("A count must be a whole number (%s)."), text);
      return FALSE;
    }
  *count = (gint64)number;
  return TRUE;
}

static guint32
intern_period (KlyngeImportPlan *plan,
               char             *period)
{
  gpointer index;

  if (g_hash_table_lookup_extended (plan->period_index, period, NULL, &index))
    {
      g_free (period);
      return GPOINTER_TO_UINT (index);
    }
  g_ptr_array_add (plan->periods, period);
  g_hash_table_insert (plan->period_index, period, GUINT_TO_POINTER (plan->periods->len - 1));
  return plan->periods->len - 1;
}

/* One measurement of a row: checks the numbers, then keeps the record. */
static void
add_measurement (Prepare              *self,
                 const KlyngeTableRow *row,
                 gint64                indicator_id,
                 gint64                clinic_id,
                 guint32               period,
                 int                   col_numerator,
                 int                   col_denominator,
                 int                   col_value,
                 gboolean              may_be_empty)
{
  Candidate c = { indicator_id, clinic_id, NO_COUNT, NO_COUNT, NAN, period, row->line, FALSE, FALSE };
  const char *value_text = field (row, col_value);
  gboolean ok = TRUE;

  /* A withheld count hides the measure: stored as suppressed, no numbers. */
  if (cell_suppressed (self, row, col_numerator) || cell_suppressed (self, row, col_denominator) ||
      cell_suppressed (self, row, col_value))
    {
      if (clinic_id == 0 || indicator_id == 0)
        return;
      c.suppressed = TRUE;
      self->plan->n_suppressed++;
      g_array_append_val (self->plan->candidates, c);
      return;
    }

  ok &= read_count (self, row, col_numerator, &c.numerator);
  ok &= read_count (self, row, col_denominator, &c.denominator);
  if (col_value >= 0 && *value_text != '\0' && !klynge_import_parse_number (value_text, self->decimal, &c.value))
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_NOT_A_NUMBER, field_line (row, col_value), col_value + 1,
                                  value_text, NULL, _("“%s” is not a number."), value_text);
      ok = FALSE;
    }
  if (!ok || (clinic_id == 0 || indicator_id == 0))
    return;

  /* A rate counts events per person: items may outnumber patients. */
  if (c.numerator != NO_COUNT && c.denominator != NO_COUNT && c.numerator > c.denominator &&
      g_hash_table_contains (self->proportions, GINT_TO_POINTER (indicator_id)))
    {
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_NUMERATOR_ABOVE_DENOMINATOR,
                                  field_line (row, col_numerator), col_numerator + 1, field (row, col_numerator), NULL,
                                  _("The numerator (%s) is greater than the denominator (%s)."),
                                  field (row, col_numerator), field (row, col_denominator));
      return;
    }

  if ((c.numerator == NO_COUNT || c.denominator == NO_COUNT) && isnan (c.value))
    {
      gboolean all_empty = c.numerator == NO_COUNT && c.denominator == NO_COUNT;
      int column = c.numerator == NO_COUNT ? col_numerator : col_denominator;

      /* A wide file leaves a measure empty where a clinic had nothing to report. */
      if (all_empty && may_be_empty)
        return;
      _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_VALUE, row->line, MAX (column, col_value) + 1, NULL, NULL,
                                  all_empty ? _("The row has no numbers.") :
                                  c.numerator == NO_COUNT ? _("The numerator is missing.") : _("The denominator is missing."));
      return;
    }

  g_array_append_val (self->plan->candidates, c);
}

/* Whether at least @least of the fields hold text. It stops there: a row
 * of a sheet with a cell in column XFD has 16,384 fields, and counting them
 * all on every row was half of reading such a file. */
static gboolean
fields_filled (const char *const *fields,
               guint              n_fields,
               guint              least)
{
  for (guint i = 0; i < n_fields && least > 0; i++)
    least -= *fields[i] != '\0';
  return least == 0;
}

guint
klynge_import_header_index (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const char *const *fields = g_ptr_array_index (rows, i);

      if (fields_filled (fields, g_strv_length ((char **)fields), 2))
        return i;
    }
  return 0;
}

/* The row's period as an index into the plan's; FALSE when it has none. */
static gboolean
read_period (Prepare              *self,
             const KlyngeTableRow *row,
             gboolean              report,
             guint32              *index)
{
  const char *text = field (row, self->col_period);
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (self->period_cache, text));
  g_autoptr(GError) period_error = NULL;
  g_autofree char *period = NULL;

  if (found > 0)
    {
      *index = found - 1;
      return TRUE;
    }
  period = self->fixed_period ? g_strdup (self->fixed_period) : parse_period (self, text, &period_error);
  if (period == NULL)
    {
      if (report)
        _klynge_import_add_problem (self, *text ? KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD : KLYNGE_IMPORT_PROBLEM_MISSING_PERIOD,
                                    field_line (row, self->col_period), self->col_period + 1, text, NULL,
                                    "%s", *text ? period_error->message : _("The period is missing."));
      return FALSE;
    }
  *index = intern_period (self->plan, g_steal_pointer (&period));
  g_hash_table_insert (self->period_cache, g_strdup (text), GUINT_TO_POINTER (*index + 1));
  return TRUE;
}

/* A number of a national or regional row, read without complaint: such a
 * row is offered as a reference, never a reason to refuse the file. */
static gint64
quiet_count (Prepare              *self,
             const KlyngeTableRow *row,
             int                   column)
{
  double number;

  if (column < 0 || !klynge_import_parse_number (field (row, column), self->decimal, &number) ||
      number < 0 || number != floor (number) || number > 1e15)
    return NO_COUNT;
  return (gint64)number;
}

static void
add_reference (Prepare              *self,
               const KlyngeTableRow *row,
               gint64                indicator_id,
               guint32               period,
               int                   col_numerator,
               int                   col_denominator,
               int                   col_value)
{
  Reference r = { indicator_id, period, NULL, quiet_count (self, row, col_numerator),
                  quiet_count (self, row, col_denominator), NAN };
  const char *name = field (row, self->col_clinic_name);

  if (indicator_id == 0 ||
      (col_value >= 0 && !klynge_import_parse_number (field (row, col_value), self->decimal, &r.value)))
    r.value = NAN;
  if (isnan (r.value) && (r.numerator == NO_COUNT || r.denominator == NO_COUNT))
    return;
  /* The first row of an area and period counts (Fingertips repeats England). */
  for (guint i = 0; i < self->plan->references->len; i++)
    {
      Reference *known = &g_array_index (self->plan->references, Reference, i);

      if (known->indicator_id == indicator_id && known->period == period)
        return;
    }
  r.area = g_strstrip (g_strdup (*name != '\0' ? name : field (row, self->col_clinic)));
  g_array_append_val (self->plan->references, r);
}

static void
read_reference (Prepare              *self,
                const KlyngeTableRow *row)
{
  guint32 period;

  if (!read_period (self, row, FALSE, &period))
    return;
  if (self->mapping->layout == KLYNGE_IMPORT_LONG)
    {
      const char *indicator_text = field (row, self->col_indicator);
      gint64 indicator_id = _klynge_import_find_indicator (self, indicator_text);

      if (indicator_id == 0 && self->mapping->add_indicators)
        indicator_id = _klynge_import_add_file_indicator (self, indicator_text, self->col_value >= 0 ? "value" : "percent");
      add_reference (self, row, indicator_id, period, self->col_numerator, self->col_denominator, self->col_value);
    }
  else
    for (guint i = 0; i < self->wide->len; i++)
      {
        WideMeasure *m = &g_array_index (self->wide, WideMeasure, i);

        add_reference (self, row, m->indicator_id, period, m->numerator, m->denominator, m->value);
      }
}

/* Whether the user chose to create @text's clinic (all of them unless some are picked). */
static gboolean
chosen_to_add (Prepare    *self,
               const char *text)
{
  g_autofree char *key = NULL;

  if (self->add_only_keys == NULL)
    return TRUE;
  key = klynge_import_number_key (text);
  return g_hash_table_contains (self->add_only_keys, key);
}

gboolean
_klynge_import_read_row (const KlyngeTableRow  *row,
                         gpointer               user_data,
                         GError               **error)
{
  Prepare *self = user_data;
  const char *clinic_text;
  gint64 clinic_id;
  gboolean has_period;
  guint32 period_index = 0;

  if (!self->have_header)
    {
      if (row->header_line != 0 ? row->line != row->header_line :
          !fields_filled ((const char *const *)row->fields, row->n_fields, 2))
        return TRUE;
      read_header (self, row);
      self->in_rows = TRUE;
      return !self->columns_missing;
    }

  if (++self->n_rows % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if (self->progress != NULL && row->bytes_total > 0)
        self->progress ((double)row->bytes_read / row->bytes_total, self->progress_data);
    }

  /* Below the data registers put notes and copyright lines, one cell each. */
  if (!fields_filled ((const char *const *)row->fields, row->n_fields, *field (row, self->col_clinic) == '\0' ? 2 : 1))
    return TRUE;
  for (guint i = 0; i < self->filter_columns->len; i++)
    {
      g_autofree char *folded = _klynge_import_fold (field (row, g_array_index (self->filter_columns, int, i)));

      if (!g_str_equal (folded, g_ptr_array_index (self->filter_values, i)))
        {
          self->plan->n_filtered++;
          return TRUE;
        }
    }

  clinic_text = field (row, self->col_clinic);
  clinic_id = *clinic_text ? _klynge_import_find_clinic (self, clinic_text) : 0;
  if (clinic_id == 0)
    switch (classify_row (self, row))
      {
      case ROW_TOTAL:
        self->plan->n_total_rows++;
        return TRUE;
      case ROW_AREA:
        self->plan->n_area_rows++;
        read_reference (self, row);
        return TRUE;
      case ROW_CLINIC:
      default:
        break;
      }
  if (clinic_id == 0 && *clinic_text != '\0' && self->mapping->add_clinics && chosen_to_add (self, clinic_text))
    clinic_id = -(gint64)_klynge_import_note_file_clinic (self, self->plan->new_clinics, clinic_text,
                                                          field (row, self->col_clinic_name), row->line);
  else if (clinic_id == 0 && *clinic_text != '\0' && (self->mapping->skip_unknown || self->mapping->add_clinics))
    {
      _klynge_import_note_file_clinic (self, self->plan->unknown_clinics, clinic_text, field (row, self->col_clinic_name), row->line);
      return TRUE;
    }
  if (clinic_id == 0)
    {
      if (*clinic_text == '\0')
        _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC, field_line (row, self->col_clinic), self->col_clinic + 1,
                                    "", NULL, _("The clinic is missing."));
      else
        _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC, field_line (row, self->col_clinic), self->col_clinic + 1,
                                    clinic_text, _klynge_import_can_list_problem (self) ? _klynge_import_suggest_clinics (self, clinic_text) : NULL,
                                    _("There is no clinic “%s” in this cluster."), clinic_text);
    }

  has_period = read_period (self, row, TRUE, &period_index);
  if (self->mapping->layout == KLYNGE_IMPORT_LONG)
    {
      const char *indicator_text = field (row, self->col_indicator);
      gint64 indicator_id = _klynge_import_find_indicator (self, indicator_text);

      if (indicator_id == 0 && self->mapping->add_indicators)
        indicator_id = _klynge_import_add_file_indicator (self, indicator_text, self->col_value >= 0 ? "value" : "percent");
      if (indicator_id == 0)
        _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR, field_line (row, self->col_indicator), self->col_indicator + 1,
                                    indicator_text,
                                    _klynge_import_suggest (indicator_text, (const char **)self->indicator_names->pdata, self->indicator_names->len),
                                    *indicator_text ? _("There is no indicator “%s”.") : _("The indicator is missing."), indicator_text);
      if (!has_period)
        indicator_id = 0;
      add_measurement (self, row, indicator_id, clinic_id, period_index,
                       self->col_numerator, self->col_denominator, self->col_value, FALSE);
    }
  else
    for (guint i = 0; i < self->wide->len; i++)
      {
        WideMeasure *m = &g_array_index (self->wide, WideMeasure, i);

        add_measurement (self, row, has_period ? m->indicator_id : 0, clinic_id, period_index,
                         m->numerator, m->denominator, m->value, TRUE);
      }

  return TRUE;
}

typedef struct
{
  GPtrArray *rows;
  guint      max_rows;
} Preview;

static gboolean
preview_row (const KlyngeTableRow  *row,
             gpointer               user_data,
             GError               **error)
{
  Preview *preview = user_data;
  char **fields;

  /* Titles and group rows above the header are left out, as the import does. */
  if (row->line < row->header_line)
    return TRUE;
  fields = g_new0 (char *, row->n_fields + 1);

  /* A header name that repeats is shown, and chosen, as the import names
   * it: "Registered patients (1 May 2022)", "Register (column F)". */
  for (guint i = 0; i < row->n_fields; i++)
    fields[i] = g_strdup (row->labels != NULL ? row->labels[i] : row->fields[i]);
  g_ptr_array_add (preview->rows, fields);
  return preview->rows->len < preview->max_rows;
}

static GPtrArray *
preview_file (const char       *path,
              guint             sheet,
              guint             max_rows,
              KlyngeTableInfo  *info,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  Preview preview = { rows, max_rows };

  if (!klynge_table_read (path, &(KlyngeTableOptions) { .sheet = sheet, .header = KLYNGE_TABLE_HEADER_FIND },
                          info, preview_row, &preview, cancellable, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
klynge_import_preview (const char       *path,
                       guint             sheet,
                       guint             max_rows,
                       KlyngeTableInfo  *info,
                       GError          **error)
{
  return preview_file (path, sheet, max_rows, info, NULL, error);
}

typedef struct
{
  char            *path;
  guint            sheet;
  guint            max_rows;
  KlyngeTableInfo  info;
} PreviewTask;

static void
preview_task_free (gpointer data)
{
  PreviewTask *task = data;

  g_free (task->path);
  klynge_table_info_clear (&task->info);
  g_free (task);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewTask *data = task_data;
  GError *error = NULL;
  GPtrArray *rows = preview_file (data->path, data->sheet, data->max_rows, &data->info, cancellable, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify)g_ptr_array_unref);
}

void
klynge_import_preview_async (const char          *path,
                             guint                sheet,
                             guint                max_rows,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PreviewTask *data = g_new0 (PreviewTask, 1);

  data->path = g_strdup (path);
  data->sheet = sheet;
  data->max_rows = max_rows;
  g_task_set_source_tag (task, klynge_import_preview_async);
  g_task_set_task_data (task, data, preview_task_free);
  g_task_run_in_thread (task, preview_thread);
}

GPtrArray *
klynge_import_preview_finish (GAsyncResult     *result,
                              KlyngeTableInfo  *info,
                              GError          **error)
{
  PreviewTask *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == klynge_import_preview_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (info != NULL)
    {
      klynge_table_info_clear (info);
      *info = data->info;
      data->info = (KlyngeTableInfo) { 0 };
    }
  return g_task_propagate_pointer (G_TASK (result), error);
}
