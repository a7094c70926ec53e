/* klynge-import.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps, so the user sees every problem before anything is written:
 * prepare() streams the file once, resolves clinics, indicators and periods
 * and keeps each measurement as a small fixed-size record (a million rows fit
 * in ~50 MB); commit() writes those records in one transaction. Duplicates
 * are found by sorting, not hashing, to keep memory flat.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-import.h"
#include "klynge-period.h"
#include "klynge-submissions.h"
#include "klynge-topics.h"

#define PROGRESS_EVERY 8192
#define NO_COUNT (-1)

typedef struct
{
  gint64  indicator_id;
  gint64  clinic_id;
  gint64  numerator;      /* NO_COUNT when absent */
  gint64  denominator;
  double  value;          /* NAN when absent */
  guint32 period;         /* index into plan->periods */
  guint32 line;
  guint8  duplicate;
  guint8  suppressed;     /* the publisher withheld it: no numbers */
} Candidate;

/* Clinics and indicators the file brings: a candidate refers to the i-th
 * by the id -(i + 1) until the commit creates them. */
typedef struct
{
  char   *number;         /* NULL: the file names clinics by name */
  char   *name;
  guint   n_rows;
  guint   line;           /* the first row naming it */
} FileClinic;

typedef struct
{
  gint64  indicator_id;
  guint32 period;
  char   *area;
  gint64  numerator;
  gint64  denominator;
  double  value;
} Reference;

struct _KlyngeImportPlan
{
  gint64      cluster_id;
  char       *file_name;
  char       *checksum;
  GArray     *candidates;
  GPtrArray  *periods;
  GHashTable *period_index;
  GPtrArray  *problems;
  guint       n_problems;
  guint       n_errors;
  guint       n_duplicates;

  GPtrArray  *new_clinics;       /* FileClinic, created by the commit */
  GPtrArray  *unknown_clinics;   /* FileClinic, whose rows are left out */
  GPtrArray  *new_indicators;    /* names, created by the commit */
  GPtrArray  *new_indicator_units;
  GArray     *references;        /* Reference */
  GPtrArray  *left_out;          /* KlyngeImportProblem: rows left out as bad */
  GHashTable *bad_lines;
  guint       n_filtered;
  guint       n_total_rows;
  guint       n_area_rows;
  guint       n_suppressed;
  gboolean    store_references;
};

typedef struct
{
  gint64  id;
  char   *name;
  char   *number;
} KnownClinic;

typedef struct
{
  gint64  indicator_id;
  int     numerator;
  int     denominator;
  int     value;
} WideMeasure;

typedef struct
{
  KlyngeImportPlan          *plan;
  KlyngeDb                  *db;
  const KlyngeImportMapping *mapping;
  KlyngeImportProgressFunc   progress;
  gpointer                   progress_data;
  GCancellable              *cancellable;

  gboolean    have_header;
  gboolean    columns_missing;
  char        decimal;
  int         col_clinic;
  int         col_period;
  int         col_indicator;
  int         col_numerator;
  int         col_denominator;
  int         col_value;
  GArray     *wide;              /* WideMeasure */
  char       *fixed_period;
  gboolean    coarsen;
  KlyngePeriodGranularity granularity;
  int         col_clinic_name;
  int         col_area_type;
  GArray     *filter_columns;    /* int, beside mapping->where */
  GPtrArray  *filter_values;     /* folded */
  GArray     *quality;           /* int per column: its quality-flag column or -1 */
  gboolean    in_rows;           /* past the header: problems belong to a row */

  GArray     *clinics;           /* KnownClinic */
  GHashTable *clinic_keys;       /* number_key, name_key, alias → id */
  GHashTable *file_clinic_keys;  /* the file's unknown clinics' keys → index */
  GHashTable *add_only_keys;     /* number keys of mapping->add_only, or NULL */
  GHashTable *clinic_cache;      /* file text → id (0: unknown) */
  GHashTable *indicator_keys;    /* folded name, package key → id */
  GPtrArray  *indicator_names;
  GArray     *indicator_ids;     /* gint64, beside indicator_names */
  GHashTable *indicator_cache;
  GHashTable *proportions;       /* ids of the indicators whose numerator ≤ denominator */
  GHashTable *period_cache;      /* file text → index + 1 */
  guint       n_rows;
} Prepare;

/* --- helpers -------------------------------------------------------------- */

static char *
fold (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal ? normal : trimmed, -1);
}

/* Spreadsheets drop the leading zeros of "012345", registers write codes in
 * either case ("A84002", "a84002") and with spaces ("123 45"). */
char *
klynge_import_number_key (const char *number)
{
  g_autofree char *folded = fold (number);
  GString *key = g_string_new ("#");
  const char *p = folded;

  while (*p == '0' || g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

/* "Lægehuset Nørregade" is "LAEGEHUSET NOERREGADE" and "Laegehuset
 * Nørregade." in other files: letters and digits only, æ ø å spelt out. */
char *
klynge_import_name_key (const char *name)
{
  g_autofree char *folded = fold (name);
  /* fold() leaves "å" as "a" and a ring; composed, it is one letter. */
  g_autofree char *composed = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *key = g_string_new ("=");

  for (const char *p = composed ? composed : folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xE6 || c == 0xE4)            /* æ ä */
        g_string_append (key, "ae");
      else if (c == 0xF8 || c == 0xF6)       /* ø ö */
        g_string_append (key, "oe");
      else if (c == 0xE5)                    /* å */
        g_string_append (key, "aa");
      else if (c == 0xFC)                    /* ü */
        g_string_append (key, "ue");
      else if (g_unichar_isalnum (c))
        {
          gunichar plain[3];

          /* é → e: the base letter of a decomposed accent. */
          if (g_unichar_fully_decompose (c, FALSE, plain, 3) > 0 && plain[0] < 0x80)
            c = plain[0];
          g_string_append_unichar (key, c);
        }
    }
  return g_string_free (key, FALSE);
}

#define SUGGEST_MAX_BYTES 256

static guint
edit_distance (const char *a,
               const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    row[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (ua[i - 1] != ub[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

typedef struct
{
  const char *name;
  guint       distance;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a, *sb = b;

  return (int)sa->distance - (int)sb->distance;
}

/* The three known names closest to @text, or the ones containing it. */
static GStrv
suggest (const char  *text,
         const char **names,
         guint        n_names)
{
  g_autofree char *folded = fold (text);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint limit = MAX (2, g_utf8_strlen (folded, -1) / 4);
  gsize first_word = strcspn (folded, " ");

  /* Comparing costs the product of the lengths: no name is this long. */
  if (strlen (folded) > SUGGEST_MAX_BYTES)
    return g_strv_builder_end (builder);

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *candidate = NULL;
      Suggestion s = { names[i], 0 };

      if (strlen (names[i]) > SUGGEST_MAX_BYTES)
        continue;
      candidate = fold (names[i]);
      s.distance = edit_distance (folded, candidate);

      /* "HbA1c målt" is surely "HbA1c measured …": same first word, or a part of the name. */
      if (*folded != '\0' && strstr (candidate, folded) != NULL)
        s.distance = MIN (s.distance, 1);
      else if (first_word >= 3 && strncmp (candidate, folded, first_word) == 0 &&
               (candidate[first_word] == ' ' || candidate[first_word] == '\0'))
        s.distance = MIN (s.distance, limit);
      if (s.distance <= limit)
        g_array_append_val (found, s);
    }
  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < MIN (found->len, 3); i++)
    g_strv_builder_add (builder, g_array_index (found, Suggestion, i).name);
  return g_strv_builder_end (builder);
}

static void
problem_free (gpointer data)
{
  KlyngeImportProblem *problem = data;

  g_free (problem->text);
  g_free (problem->message);
  g_strfreev (problem->suggestions);
  g_free (problem);
}

static void add_problem (Prepare *self, KlyngeImportProblemKind kind, guint line, guint column,
                         const char *text, GStrv suggestions, const char *format, ...) G_GNUC_PRINTF (7, 8);

static void
add_problem (Prepare                 *self,
             KlyngeImportProblemKind  kind,
             guint                    line,
             guint                    column,
             const char              *text,
             GStrv                    suggestions,
             const char              *format,
             ...)
{
  KlyngeImportPlan *plan = self->plan;
  KlyngeImportProblem *problem;
  GPtrArray *list = plan->problems;
  va_list args;

  /* A bad row the user chose to leave out no longer blocks the others;
   * a missing column or a stored duplicate concerns the whole file. */
  if (self->mapping->skip_bad && self->in_rows && line > 0 &&
      kind != KLYNGE_IMPORT_PROBLEM_DUPLICATE && kind != KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN)
    {
      g_hash_table_add (plan->bad_lines, GUINT_TO_POINTER (line));
      list = plan->left_out;
    }
  else
    {
      plan->n_problems++;
      if (kind == KLYNGE_IMPORT_PROBLEM_DUPLICATE)
        plan->n_duplicates++;
      else
        plan->n_errors++;
    }

  if (list->len >= KLYNGE_IMPORT_MAX_PROBLEMS)
    {
      g_strfreev (suggestions);
      return;
    }

  problem = g_new0 (KlyngeImportProblem, 1);
  problem->kind = kind;
  problem->line = line;
  problem->column = column;
  problem->text = g_strdup (text);
  problem->suggestions = suggestions;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  /* A field may be 32,767 characters long: the message quotes its start. */
  if (text != NULL && strlen (text) > KLYNGE_TABLE_QUOTE_CHARS)
    {
      g_autofree char *quoted = klynge_table_quote (text);
      g_auto(GStrv) parts = g_strsplit (problem->message, text, -1);

      g_free (problem->message);
      problem->message = g_strjoinv (quoted, parts);
    }
  g_ptr_array_add (list, problem);
}

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

/* --- reference data ------------------------------------------------------- */

static gboolean
load_reference (Prepare  *self,
                GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = klynge_db_prepare (self->db, "SELECT id, name, COALESCE(provider_number, '') FROM clinic WHERE cluster_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan->cluster_id);
  while ((rc = klynge_db_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      KnownClinic clinic = {
        sqlite3_column_int64 (stmt, 0),
        klynge_db_column_dup_nullable (stmt, 1),
        klynge_db_column_dup_nullable (stmt, 2),
      };

      g_array_append_val (self->clinics, clinic);
      g_hash_table_insert (self->clinic_keys, klynge_import_name_key (clinic.name), GINT_TO_POINTER (clinic.id));
      if (*clinic.number != '\0')
        g_hash_table_insert (self->clinic_keys, klynge_import_number_key (clinic.number), GINT_TO_POINTER (clinic.id));
    }
  if (rc < 0)
    return FALSE;

  stmt = klynge_db_prepare (self->db, "SELECT alias, clinic_id FROM clinic_alias WHERE cluster_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan->cluster_id);
  while ((rc = klynge_db_step (self->db, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (self->clinic_keys, klynge_import_name_key ((const char *)sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
  if (rc < 0)
    return FALSE;

  /* The cluster's own indicators and the shared library's. */
  stmt = klynge_db_prepare (self->db,
                            "SELECT i.id, i.name, COALESCE(i.package_key, ''), i.unit FROM indicator i JOIN topic t ON t.id = i.topic_id "
                            "WHERE t.cluster_id = ?1 OR t.cluster_id IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan->cluster_id);
  while ((rc = klynge_db_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *key = (const char *)sqlite3_column_text (stmt, 2);

      g_ptr_array_add (self->indicator_names, g_strdup (name));
      g_array_append_val (self->indicator_ids, id);
      g_hash_table_insert (self->indicator_keys, fold (name), GINT_TO_POINTER (id));
      if (*key != '\0')
        g_hash_table_insert (self->indicator_keys, g_strdup (key), GINT_TO_POINTER (id));
      if (klynge_indicator_type_of_unit ((const char *)sqlite3_column_text (stmt, 3)) == KLYNGE_INDICATOR_PROPORTION)
        g_hash_table_add (self->proportions, GINT_TO_POINTER (id));
    }
  return rc >= 0;
}

static gint64
find_indicator (Prepare    *self,
                const char *text)
{
  gpointer cached;
  const char *target = g_hash_table_lookup (self->mapping->indicator_names, text);
  g_autofree char *folded = NULL;
  gint64 id;

  if (g_hash_table_lookup_extended (self->indicator_cache, text, NULL, &cached))
    return GPOINTER_TO_INT (cached);

  if (target == NULL)
    target = text;
  id = GPOINTER_TO_INT (g_hash_table_lookup (self->indicator_keys, target));
  if (id == 0)
    {
      folded = fold (target);
      id = GPOINTER_TO_INT (g_hash_table_lookup (self->indicator_keys, folded));
    }
  g_hash_table_insert (self->indicator_cache, g_strdup (text), GINT_TO_POINTER (id));
  return id;
}

static gint64
find_clinic (Prepare    *self,
             const char *text)
{
  gpointer cached;
  g_autofree char *number = NULL, *name = NULL;
  gint64 id;

  if (g_hash_table_lookup_extended (self->clinic_cache, text, NULL, &cached))
    return GPOINTER_TO_INT (cached);

  number = klynge_import_number_key (text);
  id = GPOINTER_TO_INT (g_hash_table_lookup (self->clinic_keys, number));
  if (id == 0)
    {
      name = klynge_import_name_key (text);
      id = GPOINTER_TO_INT (g_hash_table_lookup (self->clinic_keys, name));
    }
  g_hash_table_insert (self->clinic_cache, g_strdup (text), GINT_TO_POINTER (id));
  return id;
}

/* Past the listed problems only the count grows: no suggestions to look for. */
static gboolean
can_list_problem (Prepare *self)
{
  return self->plan->problems->len < KLYNGE_IMPORT_MAX_PROBLEMS;
}

static GStrv
suggest_clinics (Prepare    *self,
                 const char *text)
{
  g_autofree const char **names = g_new (const char *, self->clinics->len * 2);
  guint n = 0;

  for (guint i = 0; i < self->clinics->len; i++)
    {
      names[n++] = g_array_index (self->clinics, KnownClinic, i).name;
      if (*g_array_index (self->clinics, KnownClinic, i).number != '\0')
        names[n++] = g_array_index (self->clinics, KnownClinic, i).number;
    }
  return suggest (text, names, n);
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

/* An indicator the file names and the user wants created: a negative id
 * until the commit. */
static gint64
add_file_indicator (Prepare    *self,
                    const char *name,
                    const char *unit)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = fold (trimmed);
  gint64 id;

  if (*trimmed == '\0')
    return 0;
  g_ptr_array_add (self->plan->new_indicators, g_steal_pointer (&trimmed));
  g_ptr_array_add (self->plan->new_indicator_units, g_strdup (unit));
  id = -(gint64)self->plan->new_indicators->len;
  if (klynge_indicator_type_of_unit (unit) == KLYNGE_INDICATOR_PROPORTION)
    g_hash_table_add (self->proportions, GINT_TO_POINTER (id));
  g_hash_table_insert (self->indicator_keys, g_steal_pointer (&folded), GINT_TO_POINTER (id));
  g_hash_table_remove_all (self->indicator_cache);
  return id;
}

static gboolean
looks_like_code (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return strpbrk (trimmed, "0123456789") != NULL && strpbrk (trimmed, " \t") == NULL && strlen (trimmed) <= 20;
}

static void
file_clinic_free (gpointer data)
{
  FileClinic *clinic = data;

  g_free (clinic->number);
  g_free (clinic->name);
  g_free (clinic);
}

/* A clinic of the file that is not in the cluster, to create or to leave
 * out: the index + 1 of its entry in @list, which counts its rows. */
static guint
note_file_clinic (Prepare    *self,
                  GPtrArray  *list,
                  const char *text,
                  const char *name,
                  guint       line)
{
  g_autofree char *key = klynge_import_number_key (text);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->file_clinic_keys, key));
  FileClinic *clinic;

  if (index == 0)
    {
      clinic = g_new0 (FileClinic, 1);
      /* A code names the clinic when the file has a column of names or
       * the text looks like one ("A84002", "12345"); a name is no number. */
      clinic->number = self->col_clinic_name >= 0 || looks_like_code (text) ? g_strstrip (g_strdup (text)) : NULL;
      clinic->name = g_strstrip (g_strdup (*name != '\0' ? name : text));
      clinic->line = line;
      g_ptr_array_add (list, clinic);
      index = list->len;
      g_hash_table_insert (self->file_clinic_keys, g_steal_pointer (&key), GUINT_TO_POINTER (index));
    }
  clinic = g_ptr_array_index (list, index - 1);
  clinic->n_rows++;
  return index;
}

/* --- rows that are not clinics -------------------------------------------- */

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

static gboolean
label_is_area (const char *folded,
               const char *key)
{
  static const char *areas[] = { "=helelandet", "=landet", "=danmark", "=national", "=england", "=scotland", "=wales",
                                 "=northernireland", "=unitedkingdom", "=uk", "=landsgennemsnit", "=landsplan",
                                 "=heleregionen", "=englandaverage", "=scotlandaverage", NULL };
  g_autoptr(GRegex) ons = g_regex_new ("^\\s*[ensw](92|12|40)\\d{6}\\s*$", G_REGEX_CASELESS, 0, NULL);

  return g_strv_contains (areas, key) || g_str_has_prefix (folded, "region ") || g_str_has_prefix (folded, "nhs region") ||
         g_regex_match (ons, folded, 0, NULL);
}

static RowKind
classify_label (const char *text)
{
  g_autofree char *folded = NULL, *key = NULL;

  if (*text == '\0')
    return ROW_CLINIC;
  folded = fold (text);
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

/* --- suppressed values ---------------------------------------------------- */

static gboolean
is_suppression_marker (const char *text)
{
  static const char *markers[] = { "*", "**", "c", "..", "x", "s", ":", "supp", "suppressed", "undertrykt",
                                   "diskretioneret", NULL };
  g_autofree char *folded = fold (text);
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

/* --- reading rows --------------------------------------------------------- */

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
    add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, header, NULL,
                 _("The file has no column “%s” (the %s)."), header, role);
  else if (column == -2)
    {
      g_autofree char *wanted = fold (header);
      g_autoptr(GString) positions = g_string_new (NULL);
      guint first = 0;

      for (guint i = 0; i < row->n_fields; i++)
        {
          g_autofree char *folded = fold (row->fields[i]);

          if (!g_str_equal (folded, wanted))
            continue;
          if (first == 0)
            first = i + 1;
          g_string_append_printf (positions, "%s#%u", positions->len > 0 ? ", " : "", i + 1);
        }
      add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, header, NULL,
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
      add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, NULL, NULL,
                   _("Choose the column that names the clinic."));
      self->columns_missing = TRUE;
    }
  self->col_clinic = require_column (self, row, m->clinic, _("clinic"));
  self->col_clinic_name = require_column (self, row, m->clinic_name, _("clinic’s name"));
  self->col_period = require_column (self, row, m->period, _("period"));
  if (m->period_granularity != NULL &&
      !(self->coarsen = klynge_period_granularity_from_string (m->period_granularity, &self->granularity)))
    {
      add_problem (self, KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD, row->line, 0, m->period_granularity, NULL,
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
      g_ptr_array_add (self->filter_values, fold (filter->value));
    }
  find_quality_columns (self, row);
  if (m->period == NULL)
    {
      g_autoptr(GError) period_error = NULL;

      if (m->fixed_period != NULL && *m->fixed_period != '\0')
        self->fixed_period = parse_period (self, m->fixed_period, &period_error);
      if (self->fixed_period == NULL)
        {
          add_problem (self, period_error ? KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD : KLYNGE_IMPORT_PROBLEM_MISSING_PERIOD,
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
          add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, NULL, NULL,
                       _("Choose the columns of the indicator and of its numerator and denominator, or of its value."));
          self->columns_missing = TRUE;
        }
      return;
    }

  for (guint i = 0; i < m->wide->len; i++)
    {
      KlyngeImportWideColumn *column = g_ptr_array_index (m->wide, i);
      WideMeasure measure = {
        find_indicator (self, column->indicator),
        require_column (self, row, column->numerator, _("numerator")),
        require_column (self, row, column->denominator, _("denominator")),
        require_column (self, row, column->value, _("value")),
      };

      if (measure.indicator_id == 0 && m->add_indicators)
        measure.indicator_id = add_file_indicator (self, column->indicator, column->value != NULL ? "value" : "percent");
      if (measure.indicator_id == 0)
        {
          add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR, row->line, 0, column->indicator,
                       suggest (column->indicator, (const char **)self->indicator_names->pdata, self->indicator_names->len),
                       _("There is no indicator “%s”."), column->indicator);
          /* The rows are still read: their unknown clinics are listed
           * with the unknown indicator, to be added in the same step. */
        }
      g_array_append_val (self->wide, measure);
    }
  if (m->wide->len == 0)
    {
      add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN, row->line, 0, NULL, NULL,
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
      add_problem (self, KLYNGE_IMPORT_PROBLEM_NOT_A_NUMBER, field_line (row, column), column + 1, text, NULL,
                   _("“%s” is not a number."), text);
      return FALSE;
    }
  if (number < 0)
    {
      add_problem (self, KLYNGE_IMPORT_PROBLEM_NEGATIVE, field_line (row, column), column + 1, text, NULL,
                   _("A count cannot be negative (%s)."), text);
      return FALSE;
    }
  if (number != floor (number) || number > 1e15)
    {
      add_problem (self, KLYNGE_IMPORT_PROBLEM_NOT_WHOLE, field_line (row, column), column + 1, text, NULL,
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
      add_problem (self, KLYNGE_IMPORT_PROBLEM_NOT_A_NUMBER, field_line (row, col_value), col_value + 1,
                   value_text, NULL, _("“%s” is not a number."), value_text);
      ok = FALSE;
    }
  if (!ok || (clinic_id == 0 || indicator_id == 0))
    return;

  /* A rate counts events per person: items may outnumber patients. */
  if (c.numerator != NO_COUNT && c.denominator != NO_COUNT && c.numerator > c.denominator &&
      g_hash_table_contains (self->proportions, GINT_TO_POINTER (indicator_id)))
    {
      add_problem (self, KLYNGE_IMPORT_PROBLEM_NUMERATOR_ABOVE_DENOMINATOR,
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
      add_problem (self, KLYNGE_IMPORT_PROBLEM_MISSING_VALUE, row->line, MAX (column, col_value) + 1, NULL, NULL,
                   all_empty ? _("The row has no numbers.") :
                   c.numerator == NO_COUNT ? _("The numerator is missing.") : _("The denominator is missing."));
      return;
    }

  g_array_append_val (self->plan->candidates, c);
}

static guint
filled_fields (const char *const *fields,
               guint              n_fields)
{
  guint n = 0;

  for (guint i = 0; i < n_fields; i++)
    n += *fields[i] != '\0';
  return n;
}

guint
klynge_import_header_index (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const char *const *fields = g_ptr_array_index (rows, i);

      if (filled_fields (fields, g_strv_length ((char **)fields)) >= 2)
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
        add_problem (self, *text ? KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD : KLYNGE_IMPORT_PROBLEM_MISSING_PERIOD,
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
      gint64 indicator_id = find_indicator (self, indicator_text);

      if (indicator_id == 0 && self->mapping->add_indicators)
        indicator_id = add_file_indicator (self, indicator_text, self->col_value >= 0 ? "value" : "percent");
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

static gboolean
read_row (const KlyngeTableRow  *row,
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
          filled_fields ((const char *const *)row->fields, row->n_fields) < 2)
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
  if (filled_fields ((const char *const *)row->fields, row->n_fields) <= (*field (row, self->col_clinic) == '\0' ? 1 : 0))
    return TRUE;
  for (guint i = 0; i < self->filter_columns->len; i++)
    {
      g_autofree char *folded = fold (field (row, g_array_index (self->filter_columns, int, i)));

      if (!g_str_equal (folded, g_ptr_array_index (self->filter_values, i)))
        {
          self->plan->n_filtered++;
          return TRUE;
        }
    }

  clinic_text = field (row, self->col_clinic);
  clinic_id = *clinic_text ? find_clinic (self, clinic_text) : 0;
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
    clinic_id = -(gint64)note_file_clinic (self, self->plan->new_clinics, clinic_text,
                                           field (row, self->col_clinic_name), row->line);
  else if (clinic_id == 0 && *clinic_text != '\0' && (self->mapping->skip_unknown || self->mapping->add_clinics))
    {
      note_file_clinic (self, self->plan->unknown_clinics, clinic_text, field (row, self->col_clinic_name), row->line);
      return TRUE;
    }
  if (clinic_id == 0)
    {
      if (*clinic_text == '\0')
        add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC, field_line (row, self->col_clinic), self->col_clinic + 1,
                     "", NULL, _("The clinic is missing."));
      else
        add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC, field_line (row, self->col_clinic), self->col_clinic + 1,
                     clinic_text, can_list_problem (self) ? suggest_clinics (self, clinic_text) : NULL,
                     _("There is no clinic “%s” in this cluster."), clinic_text);
    }

  has_period = read_period (self, row, TRUE, &period_index);
  if (self->mapping->layout == KLYNGE_IMPORT_LONG)
    {
      const char *indicator_text = field (row, self->col_indicator);
      gint64 indicator_id = find_indicator (self, indicator_text);

      if (indicator_id == 0 && self->mapping->add_indicators)
        indicator_id = add_file_indicator (self, indicator_text, self->col_value >= 0 ? "value" : "percent");
      if (indicator_id == 0)
        add_problem (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR, field_line (row, self->col_indicator), self->col_indicator + 1,
                     indicator_text,
                     suggest (indicator_text, (const char **)self->indicator_names->pdata, self->indicator_names->len),
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

/* --- sorting and duplicates ----------------------------------------------- */

static int
compare_key (gint64      indicator_a,
             gint64      clinic_a,
             const char *period_a,
             gint64      indicator_b,
             gint64      clinic_b,
             const char *period_b)
{
  if (indicator_a != indicator_b)
    return indicator_a < indicator_b ? -1 : 1;
  if (clinic_a != clinic_b)
    return clinic_a < clinic_b ? -1 : 1;
  return strcmp (period_a, period_b);
}

/* Periods compare by their rank among the file's periods, which orders them
 * as strcmp() and SQLite do, at the cost of an integer comparison. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      ranks)
{
  const Candidate *ca = a, *cb = b;
  const guint32 *rank = ranks;

  if (ca->indicator_id != cb->indicator_id)
    return ca->indicator_id < cb->indicator_id ? -1 : 1;
  if (ca->clinic_id != cb->clinic_id)
    return ca->clinic_id < cb->clinic_id ? -1 : 1;
  if (rank[ca->period] != rank[cb->period])
    return rank[ca->period] < rank[cb->period] ? -1 : 1;
  return ca->line < cb->line ? -1 : ca->line > cb->line;
}

static int
compare_period_strings (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static guint32 *
rank_periods (GPtrArray *periods)
{
  g_autofree const char **sorted = NULL;
  g_autoptr(GHashTable) position = NULL;
  guint32 *rank = g_new0 (guint32, MAX (periods->len, 1));

  if (periods->len == 0)
    return rank;
  sorted = g_memdup2 (periods->pdata, sizeof (char *) * periods->len);
  position = g_hash_table_new (g_direct_hash, g_direct_equal);
  qsort (sorted, periods->len, sizeof (char *), compare_period_strings);
  for (guint i = 0; i < periods->len; i++)
    g_hash_table_insert (position, (gpointer)sorted[i], GUINT_TO_POINTER (i));
  for (guint i = 0; i < periods->len; i++)
    rank[i] = GPOINTER_TO_UINT (g_hash_table_lookup (position, periods->pdata[i]));
  return rank;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const KlyngeImportProblem *pa = *(KlyngeImportProblem **)a, *pb = *(KlyngeImportProblem **)b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return (int)pa->column - (int)pb->column;
}

/* Rows the user chose to leave out go before anything is compared. */
static void
leave_out_bad_rows (KlyngeImportPlan *plan)
{
  GArray *all = plan->candidates;
  guint kept = 0;

  if (g_hash_table_size (plan->bad_lines) == 0)
    return;
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = &g_array_index (all, Candidate, i);

      if (!g_hash_table_contains (plan->bad_lines, GUINT_TO_POINTER (c->line)))
        g_array_index (all, Candidate, kept++) = *c;
      else if (c->suppressed)
        plan->n_suppressed--;
    }
  g_array_set_size (all, kept);
}

/* A clinic is created for its measurements: one whose rows were all left
 * out as bad, or held nothing to store, is not, and the others close up. */
static void
drop_clinics_without_rows (KlyngeImportPlan *plan)
{
  guint n = plan->new_clinics->len;
  g_autofree gint64 *new_id = g_new0 (gint64, n + 1);   /* by -(old id); 0: dropped */
  gint64 kept = 0;

  for (guint i = 0; i < plan->candidates->len; i++)
    {
      Candidate *c = &g_array_index (plan->candidates, Candidate, i);

      if (c->clinic_id < 0)
        new_id[-c->clinic_id] = 1;
    }
  for (guint i = 1; i <= n; i++)
    if (new_id[i] != 0)
      new_id[i] = -(++kept);
  for (guint i = n; i > 0; i--)
    if (new_id[i] == 0)
      g_ptr_array_remove_index (plan->new_clinics, i - 1);
  for (guint i = 0; i < plan->candidates->len; i++)
    {
      Candidate *c = &g_array_index (plan->candidates, Candidate, i);

      if (c->clinic_id < 0)
        c->clinic_id = new_id[-c->clinic_id];
    }
}

static gboolean
find_duplicates (Prepare  *self,
                 GError  **error)
{
  KlyngeImportPlan *plan = self->plan;
  const char **periods = (const char **)plan->periods->pdata;
  GArray *all = plan->candidates;
  g_autofree guint32 *ranks = rank_periods (plan->periods);
  sqlite3_stmt *stmt;
  guint next = 0;
  guint kept = 0;
  int rc = SQLITE_DONE;

  g_autoptr(GHashTable) clinic_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) indicator_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Names for the messages: a duplicate is reported by what the user knows. */
  for (guint i = 0; i < self->clinics->len; i++)
    g_hash_table_insert (clinic_names, &g_array_index (self->clinics, KnownClinic, i).id,
                         g_array_index (self->clinics, KnownClinic, i).name);
  for (guint i = 0; i < self->indicator_ids->len; i++)
    g_hash_table_insert (indicator_names, &g_array_index (self->indicator_ids, gint64, i),
                         g_ptr_array_index (self->indicator_names, i));
  g_array_set_size (new_ids, plan->new_indicators->len);
  for (guint i = 0; i < plan->new_indicators->len; i++)
    {
      g_array_index (new_ids, gint64, i) = -(gint64)(i + 1);
      g_hash_table_insert (indicator_names, &g_array_index (new_ids, gint64, i), g_ptr_array_index (plan->new_indicators, i));
    }

  g_array_sort_with_data (all, compare_candidates, ranks);

  /* Sorted, a repeated key is next to its first occurrence: keep the first. */
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = &g_array_index (all, Candidate, i);

      if (kept > 0)
        {
          Candidate *last = &g_array_index (all, Candidate, kept - 1);

          if (last->indicator_id == c->indicator_id && last->clinic_id == c->clinic_id && last->period == c->period)
            {
              add_problem (self, KLYNGE_IMPORT_PROBLEM_TWICE_IN_FILE, c->line, 0, NULL, NULL,
                           _("The same clinic, indicator (“%s”) and period are already on line %u."),
                           (char *)g_hash_table_lookup (indicator_names, &c->indicator_id), last->line);
              if (c->suppressed)
                plan->n_suppressed--;
              continue;
            }
        }
      g_array_index (all, Candidate, kept++) = *c;
    }
  g_array_set_size (all, kept);

  /* One indicator at a time, the key's index gives the stored keys in order,
   * without sorting all of the cluster's measurements first. Only this
   * cluster's clinics are among the candidates, so only theirs can match. */
  stmt = klynge_db_prepare (self->db,
                            "SELECT clinic_id, period FROM measurement WHERE indicator_id = ?1 "
                            "ORDER BY clinic_id, period",
                            error);
  if (stmt == NULL)
    return FALSE;
  while (next < all->len)
    {
      gint64 indicator = g_array_index (all, Candidate, next).indicator_id;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, indicator);
      while ((rc = klynge_db_step (self->db, stmt, error)) == SQLITE_ROW)
        {
          gint64 clinic = sqlite3_column_int64 (stmt, 0);
          const char *period = (const char *)sqlite3_column_text (stmt, 1);
          Candidate *c = NULL;
          int cmp = -1;

          for (; next < all->len; next++)
            {
              c = &g_array_index (all, Candidate, next);
              if ((cmp = compare_key (c->indicator_id, c->clinic_id, periods[c->period], indicator, clinic, period)) >= 0)
                break;
            }
          if (next == all->len || c->indicator_id != indicator)
            break;
          if (cmp == 0)
            {
              c->duplicate = TRUE;
              add_problem (self, KLYNGE_IMPORT_PROBLEM_DUPLICATE, c->line, 0, NULL, NULL,
                           _("%s’s “%s” for %s is already stored."),
                           (char *)g_hash_table_lookup (clinic_names, &c->clinic_id),
                           (char *)g_hash_table_lookup (indicator_names, &c->indicator_id), period);
            }
        }
      if (rc < 0)
        return FALSE;
      while (next < all->len && g_array_index (all, Candidate, next).indicator_id == indicator)
        next++;
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (plan->problems, compare_problems);
  return TRUE;
}

typedef struct
{
  char         *path;
  GCancellable *cancellable;
} ChecksumData;

static ChecksumData *
checksum_data_new (const char   *path,
                   GCancellable *cancellable)
{
  ChecksumData *data = g_new0 (ChecksumData, 1);

  data->path = g_strdup (path);
  data->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  return data;
}

static char *
file_checksum (const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (256 * 1024);
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Returns the SHA-256 as text, or NULL when the file cannot be read. */
static gpointer
checksum_thread_func (gpointer user_data)
{
  ChecksumData *data = user_data;
  char *checksum = file_checksum (data->path, data->cancellable, NULL);

  g_free (data->path);
  g_clear_object (&data->cancellable);
  g_free (data);
  return checksum;
}

/* --- public API ----------------------------------------------------------- */

void
klynge_import_plan_free (KlyngeImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->file_name);
  g_free (plan->checksum);
  g_array_unref (plan->candidates);
  g_hash_table_unref (plan->period_index);
  g_ptr_array_unref (plan->periods);
  g_ptr_array_unref (plan->problems);
  g_ptr_array_unref (plan->new_clinics);
  g_ptr_array_unref (plan->unknown_clinics);
  g_ptr_array_unref (plan->new_indicators);
  g_ptr_array_unref (plan->new_indicator_units);
  for (guint i = 0; i < plan->references->len; i++)
    g_free (g_array_index (plan->references, Reference, i).area);
  g_array_unref (plan->references);
  g_ptr_array_unref (plan->left_out);
  g_hash_table_unref (plan->bad_lines);
  g_free (plan);
}

static void
known_clinic_clear (gpointer data)
{
  KnownClinic *clinic = data;

  g_free (clinic->name);
  g_free (clinic->number);
}

static void
cancelled_error (GError **error)
{
  g_clear_error (error);
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED, _("The import was cancelled."));
}

KlyngeImportPlan *
klynge_import_prepare (KlyngeDb                   *db,
                       gint64                      cluster_id,
                       const char                 *path,
                       const KlyngeImportMapping  *mapping,
                       KlyngeImportProgressFunc    progress,
                       gpointer                    progress_data,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  g_autoptr(KlyngeImportPlan) plan = g_new0 (KlyngeImportPlan, 1);
  Prepare self = {
    .plan = plan,
    .db = db,
    .mapping = mapping,
    .progress = progress,
    .progress_data = progress_data,
    .cancellable = cancellable,
    .wide = g_array_new (FALSE, FALSE, sizeof (WideMeasure)),
    .clinics = g_array_new (FALSE, FALSE, sizeof (KnownClinic)),
    .clinic_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .clinic_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .indicator_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .indicator_names = g_ptr_array_new_with_free_func (g_free),
    .indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .indicator_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .proportions = g_hash_table_new (NULL, NULL),
    .period_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .file_clinic_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .add_only_keys = mapping->add_only != NULL ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL,
    .col_clinic_name = -1,
    .col_area_type = -1,
    .filter_columns = g_array_new (FALSE, FALSE, sizeof (int)),
    .filter_values = g_ptr_array_new_with_free_func (g_free),
    .quality = g_array_new (FALSE, FALSE, sizeof (int)),
  };
  GThread *checksum_thread;
  gboolean ok;

  g_array_set_clear_func (self.clinics, known_clinic_clear);
  for (guint i = 0; mapping->add_only != NULL && mapping->add_only[i] != NULL; i++)
    g_hash_table_add (self.add_only_keys, klynge_import_number_key (mapping->add_only[i]));
  plan->cluster_id = cluster_id;
  plan->store_references = mapping->store_reference;
  plan->file_name = g_path_get_basename (path);
  plan->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  plan->periods = g_ptr_array_new_with_free_func (g_free);
  plan->period_index = g_hash_table_new (g_str_hash, g_str_equal);
  plan->problems = g_ptr_array_new_with_free_func (problem_free);
  plan->new_clinics = g_ptr_array_new_with_free_func (file_clinic_free);
  plan->unknown_clinics = g_ptr_array_new_with_free_func (file_clinic_free);
  plan->new_indicators = g_ptr_array_new_with_free_func (g_free);
  plan->new_indicator_units = g_ptr_array_new_with_free_func (g_free);
  plan->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  plan->left_out = g_ptr_array_new_with_free_func (problem_free);
  plan->bad_lines = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* The checksum reads the file on the second core while this one parses it. */
  checksum_thread = g_thread_new ("klynge-checksum", checksum_thread_func,
                                  checksum_data_new (path, cancellable));
  ok = load_reference (&self, error) &&
       klynge_table_read (path, &(KlyngeTableOptions) { .sheet = mapping->sheet,
                                                         .header = mapping->header_row > 0 ? KLYNGE_TABLE_HEADER_LINE
                                                                                           : KLYNGE_TABLE_HEADER_FIND,
                                                         .header_line = mapping->header_row },
                          NULL, read_row, &self, cancellable, error);
  plan->checksum = g_thread_join (checksum_thread);
  if (ok && plan->checksum == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("%s: the file cannot be read."), plan->file_name);
      ok = FALSE;
    }

  if (ok && !self.have_header)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file has no rows."), plan->file_name);
      ok = FALSE;
    }
  if (ok)
    {
      leave_out_bad_rows (plan);
      drop_clinics_without_rows (plan);
    }
  if (ok && plan->candidates->len == 0 && plan->n_errors == 0)
    add_problem (&self, KLYNGE_IMPORT_PROBLEM_MISSING_VALUE, 0, 0, NULL, NULL,
                 _("The file has no measurements under its header."));
  if (ok)
    ok = find_duplicates (&self, error);
  if (!ok && error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cancelled_error (error);

  g_array_unref (self.wide);
  g_array_unref (self.clinics);
  g_hash_table_unref (self.clinic_keys);
  g_hash_table_unref (self.clinic_cache);
  g_hash_table_unref (self.indicator_keys);
  g_ptr_array_unref (self.indicator_names);
  g_array_unref (self.indicator_ids);
  g_hash_table_unref (self.indicator_cache);
  g_hash_table_unref (self.proportions);
  g_hash_table_unref (self.period_cache);
  g_hash_table_unref (self.file_clinic_keys);
  g_clear_pointer (&self.add_only_keys, g_hash_table_unref);
  g_array_unref (self.filter_columns);
  g_ptr_array_unref (self.filter_values);
  g_array_unref (self.quality);
  g_free (self.fixed_period);

  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&plan);
}

const char *
klynge_import_plan_get_file_name (KlyngeImportPlan *plan)
{
  return plan->file_name;
}

guint
klynge_import_plan_get_n_measurements (KlyngeImportPlan *plan)
{
  return plan->candidates->len;
}

guint
klynge_import_plan_get_n_duplicates (KlyngeImportPlan *plan)
{
  return plan->n_duplicates;
}

guint
klynge_import_plan_get_n_written (KlyngeImportPlan       *plan,
                                  KlyngeImportDuplicates  duplicates)
{
  if (duplicates == KLYNGE_IMPORT_DUPLICATES_KEEP)
    return plan->candidates->len - plan->n_duplicates;
  return plan->candidates->len;
}

guint
klynge_import_plan_get_n_errors (KlyngeImportPlan *plan)
{
  return plan->n_errors;
}

GPtrArray *
klynge_import_plan_get_problems (KlyngeImportPlan *plan)
{
  return plan->problems;
}

GPtrArray *
klynge_import_plan_get_left_out (KlyngeImportPlan *plan)
{
  return plan->left_out;
}

guint
klynge_import_plan_get_n_left_out (KlyngeImportPlan *plan)
{
  guint n = g_hash_table_size (plan->bad_lines);

  for (guint i = 0; i < plan->unknown_clinics->len; i++)
    n += ((FileClinic *)g_ptr_array_index (plan->unknown_clinics, i))->n_rows;
  return n;
}

static GPtrArray *
file_clinics (GPtrArray *list)
{
  GPtrArray *clinics = g_ptr_array_new_with_free_func ((GDestroyNotify)klynge_import_file_clinic_free);

  for (guint i = 0; i < list->len; i++)
    {
      FileClinic *clinic = g_ptr_array_index (list, i);
      KlyngeImportFileClinic *copy = g_new0 (KlyngeImportFileClinic, 1);

      copy->number = g_strdup (clinic->number);
      copy->name = g_strdup (clinic->name);
      copy->n_rows = clinic->n_rows;
      copy->line = clinic->line;
      g_ptr_array_add (clinics, copy);
    }
  return clinics;
}

void
klynge_import_file_clinic_free (KlyngeImportFileClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->number);
  g_free (clinic->name);
  g_free (clinic);
}

GPtrArray *
klynge_import_plan_get_new_clinics (KlyngeImportPlan *plan)
{
  return file_clinics (plan->new_clinics);
}

GPtrArray *
klynge_import_plan_get_unknown_clinics (KlyngeImportPlan *plan)
{
  return file_clinics (plan->unknown_clinics);
}

GStrv
klynge_import_plan_get_new_indicators (KlyngeImportPlan *plan)
{
  GStrv names = g_new0 (char *, plan->new_indicators->len + 1);

  for (guint i = 0; i < plan->new_indicators->len; i++)
    names[i] = g_strdup (plan->new_indicators->pdata[i]);
  return names;
}

void
klynge_import_plan_get_counts (KlyngeImportPlan   *plan,
                               KlyngeImportCounts *counts)
{
  counts->filtered = plan->n_filtered;
  counts->totals = plan->n_total_rows;
  counts->areas = plan->n_area_rows;
  counts->references = plan->references->len;
  counts->suppressed = plan->n_suppressed;
}

GPtrArray *
klynge_import_plan_get_references (KlyngeImportPlan *plan)
{
  GPtrArray *references = g_ptr_array_new_with_free_func ((GDestroyNotify)klynge_import_reference_free);

  for (guint i = 0; i < plan->references->len; i++)
    {
      Reference *r = &g_array_index (plan->references, Reference, i);
      KlyngeImportReference *copy = g_new0 (KlyngeImportReference, 1);

      copy->area = g_strdup (r->area);
      copy->period = g_strdup (plan->periods->pdata[r->period]);
      copy->numerator = r->numerator;
      copy->denominator = r->denominator;
      copy->value = r->value;
      g_ptr_array_add (references, copy);
    }
  return references;
}

void
klynge_import_reference_free (KlyngeImportReference *reference)
{
  if (reference == NULL)
    return;
  g_free (reference->area);
  g_free (reference->period);
  g_free (reference);
}

gboolean
klynge_import_plan_can_commit (KlyngeImportPlan       *plan,
                               KlyngeImportDuplicates  duplicates)
{
  return plan->n_errors == 0 && plan->candidates->len > 0 &&
         (plan->n_duplicates == 0 || duplicates != KLYNGE_IMPORT_DUPLICATES_REJECT);
}

char *
klynge_import_problem_format (const char                *file_name,
                              const KlyngeImportProblem *problem)
{
  GString *out = g_string_new (file_name);

  if (problem->line > 0)
    g_string_append_printf (out, ":%u", problem->line);
  if (problem->column > 0)
    g_string_append_printf (out, ":%u", problem->column);
  g_string_append_printf (out, ": %s", problem->message);
  if (problem->suggestions != NULL && problem->suggestions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("”, “", problem->suggestions);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Did you mean “%s”?"), joined);
    }
  return g_string_free (out, FALSE);
}

/* Rows per INSERT: one statement for many rows spares SQLite most of its
 * per-statement work, which dominates a bulk load. */
#define ROWS_PER_INSERT 64

/* A row replacing a stored one updates it in place: its key, and so the
 * key's index, stay as they are, where deleting and inserting again would
 * rewrite both the table and the index. */
static char *
insert_sql (guint    n_rows,
            gboolean replacing)
{
  GString *sql = g_string_new ("INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, value, batch_id, status) VALUES ");

  for (guint i = 0; i < n_rows; i++)
    g_string_append (sql, i == 0 ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)");
  if (replacing)
    g_string_append (sql, " ON CONFLICT (indicator_id, clinic_id, period) DO UPDATE SET "
                          "numerator = excluded.numerator, denominator = excluded.denominator, "
                          "value = excluded.value, batch_id = excluded.batch_id, status = excluded.status");
  return g_string_free (sql, FALSE);
}

/* Keeps the measurements stored under the rows' keys so that undoing the
 * batch brings them back. CROSS JOIN makes SQLite look each key up in the
 * key's index; matching the keys with IN scans the whole table. */
static char *
set_aside_sql (guint n_rows)
{
  GString *sql = g_string_new ("INSERT INTO import_replaced (batch_id, indicator_id, clinic_id, period, numerator, denominator, value, old_batch_id, status) "
                               "SELECT ?1, m.indicator_id, m.clinic_id, m.period, m.numerator, m.denominator, m.value, m.batch_id, m.status "
                               "FROM (VALUES ");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (sql, "%s(?%u,?%u,?%u)", i == 0 ? "" : ",", 3 * i + 2, 3 * i + 3, 3 * i + 4);
  g_string_append (sql, ") AS k CROSS JOIN measurement m "
                        "ON m.indicator_id = k.column1 AND m.clinic_id = k.column2 AND m.period = k.column3");
  return g_string_free (sql, FALSE);
}

/* Writes the rows of one batch, ROWS_PER_INSERT at a time; new rows and rows
 * replacing stored ones wait apart, as they are written differently. */
typedef struct
{
  KlyngeDb          *db;
  KlyngeImportPlan  *plan;
  gint64             batch_id;
  GArray            *clinic_ids;           /* the new clinics' ids, by -(id + 1) */
  GArray            *indicator_ids;
  char              *insert_sql[2][2];     /* [replacing][one row, ROWS_PER_INSERT rows] */
  char              *set_aside_sql[2];
  const Candidate   *pending[2][ROWS_PER_INSERT];
  guint              n_pending[2];
} Writer;

static void
writer_init (Writer           *self,
             KlyngeDb         *db,
             KlyngeImportPlan *plan,
             gint64            batch_id)
{
  self->db = db;
  self->plan = plan;
  self->batch_id = batch_id;
  for (guint replacing = 0; replacing < 2; replacing++)
    {
      self->insert_sql[replacing][0] = insert_sql (1, replacing);
      self->insert_sql[replacing][1] = insert_sql (ROWS_PER_INSERT, replacing);
    }
  self->set_aside_sql[0] = set_aside_sql (1);
  self->set_aside_sql[1] = set_aside_sql (ROWS_PER_INSERT);
}

/* A candidate's id, with a new clinic's or indicator's as created. */
static gint64
resolve (GArray *created,
         gint64  id)
{
  return id > 0 ? id : g_array_index (created, gint64, -id - 1);
}

static void
writer_clear (Writer *self)
{
  g_clear_pointer (&self->clinic_ids, g_array_unref);
  g_clear_pointer (&self->indicator_ids, g_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->insert_sql[i][0]);
      g_free (self->insert_sql[i][1]);
      g_free (self->set_aside_sql[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

/* n_rows is 1 or ROWS_PER_INSERT. */
static gboolean
writer_write (Writer           *self,
              const Candidate **rows,
              guint             n_rows,
              gboolean          replacing,
              GError          **error)
{
  gboolean many = n_rows > 1;
  const char **periods = (const char **)self->plan->periods->pdata;
  sqlite3_stmt *stmt;

  if (replacing)
    {
      if ((stmt = klynge_db_prepare (self->db, self->set_aside_sql[many], error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->batch_id);
      for (guint i = 0; i < n_rows; i++)
        {
          sqlite3_bind_int64 (stmt, 3 * i + 2, rows[i]->indicator_id);
          sqlite3_bind_int64 (stmt, 3 * i + 3, rows[i]->clinic_id);
          sqlite3_bind_text (stmt, 3 * i + 4, periods[rows[i]->period], -1, SQLITE_STATIC);
        }
      if (!klynge_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  if ((stmt = klynge_db_prepare (self->db, self->insert_sql[replacing][many], error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      const Candidate *c = rows[i];
      int p = i * 8;

      sqlite3_bind_int64 (stmt, p + 1, resolve (self->indicator_ids, c->indicator_id));
      sqlite3_bind_int64 (stmt, p + 2, resolve (self->clinic_ids, c->clinic_id));
      sqlite3_bind_text (stmt, p + 3, periods[c->period], -1, SQLITE_STATIC);
      if (c->numerator != NO_COUNT)
        sqlite3_bind_int64 (stmt, p + 4, c->numerator);
      if (c->denominator != NO_COUNT)
        sqlite3_bind_int64 (stmt, p + 5, c->denominator);
      if (!isnan (c->value))
        sqlite3_bind_double (stmt, p + 6, c->value);
      sqlite3_bind_int64 (stmt, p + 7, self->batch_id);
      sqlite3_bind_text (stmt, p + 8, c->suppressed ? "suppressed" : "ok", -1, SQLITE_STATIC);
    }
  return klynge_db_step_done (self->db, stmt, error);
}

/* The pending rows have other keys than this one: order does not matter. */
static gboolean
writer_add (Writer           *self,
            const Candidate  *c,
            gboolean          replacing,
            GError          **error)
{
  self->pending[replacing][self->n_pending[replacing]++] = c;
  if (self->n_pending[replacing] < ROWS_PER_INSERT)
    return TRUE;
  self->n_pending[replacing] = 0;
  return writer_write (self, self->pending[replacing], ROWS_PER_INSERT, replacing, error);
}

static gboolean
writer_finish (Writer  *self,
               GError **error)
{
  for (guint replacing = 0; replacing < 2; replacing++)
    for (guint i = 0; i < self->n_pending[replacing]; i++)
      if (!writer_write (self, &self->pending[replacing][i], 1, replacing, error))
        return FALSE;
  return TRUE;
}

/* Past this many new rows, building the secondary indexes once after the
 * inserts is several times faster than updating them row by row. Rows
 * replacing stored ones do not count: updated in place, they change only the
 * batch's index, and rebuilding the others would be work for nothing. */
#define BULK_ROWS 50000

/* The clinics the file brings, in the plan's order. */
static GArray *
create_clinics (KlyngeDb          *db,
                KlyngeImportPlan  *plan,
                GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = klynge_db_prepare (db, "INSERT INTO clinic (cluster_id, name, provider_number) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < plan->new_clinics->len; i++)
    {
      FileClinic *clinic = g_ptr_array_index (plan->new_clinics, i);
      gint64 id;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan->cluster_id);
      sqlite3_bind_text (stmt, 2, clinic->name, -1, SQLITE_STATIC);
      if (clinic->number != NULL)
        sqlite3_bind_text (stmt, 3, clinic->number, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 3);
      if (!klynge_db_step_done (db, stmt, error))
        return NULL;
      id = klynge_db_last_insert_id (db);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* The indicators the file brings go under one topic of the cluster, where
 * the Topics window shows them to be described. */
static GArray *
create_indicators (KlyngeDb          *db,
                   KlyngeImportPlan  *plan,
                   GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *title = _("Indicators from imported files");
  sqlite3_stmt *stmt;
  gint64 topic = 0;
  int rc;

  if (plan->new_indicators->len == 0)
    return g_steal_pointer (&ids);
  if ((stmt = klynge_db_prepare (db, "SELECT id FROM topic WHERE cluster_id = ?1 AND title = ?2", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan->cluster_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  if ((rc = klynge_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    topic = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (topic == 0)
    {
      if ((stmt = klynge_db_prepare (db, "INSERT INTO topic (cluster_id, title) VALUES (?1, ?2)", error)) == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, plan->cluster_id);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
      if (!klynge_db_step_done (db, stmt, error))
        return NULL;
      topic = klynge_db_last_insert_id (db);
    }

  if ((stmt = klynge_db_prepare (db, "INSERT INTO indicator (topic_id, name, unit) VALUES (?1, ?2, ?3)", error)) == NULL)
    return NULL;
  for (guint i = 0; i < plan->new_indicators->len; i++)
    {
      gint64 id;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, topic);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (plan->new_indicators, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (plan->new_indicator_units, i), -1, SQLITE_STATIC);
      if (!klynge_db_step_done (db, stmt, error))
        return NULL;
      id = klynge_db_last_insert_id (db);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
write_references (KlyngeDb          *db,
                  KlyngeImportPlan  *plan,
                  gint64             batch_id,
                  GArray            *indicator_ids,
                  GError           **error)
{
  sqlite3_stmt *stmt;

  if (!plan->store_references || plan->references->len == 0)
    return TRUE;
  stmt = klynge_db_prepare (db,
                            "INSERT INTO indicator_reference (indicator_id, period, area, numerator, denominator, value, batch_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                            "ON CONFLICT (indicator_id, period) DO UPDATE SET area = excluded.area, "
                            "numerator = excluded.numerator, denominator = excluded.denominator, "
                            "value = excluded.value, batch_id = excluded.batch_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < plan->references->len; i++)
    {
      Reference *r = &g_array_index (plan->references, Reference, i);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, resolve (indicator_ids, r->indicator_id));
      sqlite3_bind_text (stmt, 2, plan->periods->pdata[r->period], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, r->area, -1, SQLITE_STATIC);
      if (r->numerator != NO_COUNT)
        sqlite3_bind_int64 (stmt, 4, r->numerator);
      if (r->denominator != NO_COUNT)
        sqlite3_bind_int64 (stmt, 5, r->denominator);
      if (!isnan (r->value))
        sqlite3_bind_double (stmt, 6, r->value);
      sqlite3_bind_int64 (stmt, 7, batch_id);
      if (!klynge_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* What the batch left out stays with it: the undo and the batch list say so. */
static gboolean
write_left_out (KlyngeDb          *db,
                KlyngeImportPlan  *plan,
                gint64             batch_id,
                GError           **error)
{
  sqlite3_stmt *stmt = klynge_db_prepare (db, "INSERT INTO import_left_out (batch_id, line, reason) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < plan->left_out->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (plan->left_out, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, problem->line);
      sqlite3_bind_text (stmt, 3, problem->message, -1, SQLITE_STATIC);
      if (!klynge_db_step_done (db, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < plan->unknown_clinics->len; i++)
    {
      FileClinic *clinic = g_ptr_array_index (plan->unknown_clinics, i);
      g_autofree char *reason = g_strdup_printf (ngettext ("“%s” is not a clinic of this cluster (%u row).",
                                                           "“%s” is not a clinic of this cluster (%u rows).",
                                                           clinic->n_rows),
                                                 clinic->number ? clinic->number : clinic->name, clinic->n_rows);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, clinic->line);
      sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
      if (!klynge_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
klynge_import_commit (KlyngeDb                  *db,
                      KlyngeImportPlan          *plan,
                      KlyngeImportDuplicates     duplicates,
                      const char                *source,
                      KlyngeImportProgressFunc   progress,
                      gpointer                   progress_data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  gboolean indexes_dropped = FALSE;
  g_auto(Writer) writer = { 0 };
  sqlite3_stmt *stmt;
  gint64 batch_id;
  gint64 written = 0;

  if (!klynge_import_plan_can_commit (plan, duplicates))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("%s has problems to solve before it can be imported."), plan->file_name);
      return 0;
    }

  /* A large import touches index pages all over; keep them in memory. */
  klynge_db_exec (db, "PRAGMA cache_size = -65536", NULL);

  if (!klynge_db_begin (db, error))
    return 0;

  stmt = klynge_db_prepare (db,
                            "INSERT INTO import_batch (cluster_id, file_name, checksum, source, row_count) "
                            "VALUES (?1, ?2, ?3, ?4, 0)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, plan->cluster_id);
  sqlite3_bind_text (stmt, 2, plan->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plan->checksum, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, source ? source : "", -1, SQLITE_TRANSIENT);
  if (!klynge_db_step_done (db, stmt, error))
    goto failed;
  batch_id = klynge_db_last_insert_id (db);
  writer_init (&writer, db, plan, batch_id);
  if ((writer.clinic_ids = create_clinics (db, plan, error)) == NULL ||
      (writer.indicator_ids = create_indicators (db, plan, error)) == NULL ||
      !write_references (db, plan, batch_id, writer.indicator_ids, error) ||
      !write_left_out (db, plan, batch_id, error))
    goto failed;

  if (plan->candidates->len - plan->n_duplicates >= BULK_ROWS &&
      !(indexes_dropped = klynge_db_drop_measurement_indexes (db, error)))
    goto failed;

  for (guint i = 0; i < plan->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (plan->candidates, Candidate, i);

      if (i % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              cancelled_error (error);
              goto failed;
            }
          if (progress != NULL)
            progress ((double)i / plan->candidates->len, progress_data);
        }

      if (c->duplicate && duplicates == KLYNGE_IMPORT_DUPLICATES_KEEP)
        continue;
      if (!writer_add (&writer, c, c->duplicate, error))
        goto failed;
      written++;
    }
  if (!writer_finish (&writer, error))
    goto failed;

  if (indexes_dropped && !klynge_db_create_measurement_indexes (db, error))
    goto failed;

  stmt = klynge_db_prepare (db, "UPDATE import_batch SET row_count = ?2, left_out = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, written);
  sqlite3_bind_int64 (stmt, 3, klynge_import_plan_get_n_left_out (plan));
  if (!klynge_db_step_done (db, stmt, error) ||
      !klynge_submissions_mark_delivered (db, batch_id, error) ||
      !klynge_db_commit (db, error))
    goto failed;

  if (progress != NULL)
    progress (1.0, progress_data);
  return batch_id;

failed:
  klynge_db_rollback (db);
  return 0;
}

void
klynge_import_batch_free (KlyngeImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->file_name);
  g_free (batch->checksum);
  g_free (batch->source);
  g_free (batch->imported_at);
  g_free (batch);
}

GStrv
klynge_import_list_left_out (KlyngeDb  *db,
                             gint64     batch_id,
                             GError   **error)
{
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  sqlite3_stmt *stmt = klynge_db_prepare (db, "SELECT line, reason FROM import_left_out WHERE batch_id = ?1 ORDER BY line", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *reason = g_strdup_printf (_("line %s: %s"), (const char *)sqlite3_column_text (stmt, 0),
                                                 (const char *)sqlite3_column_text (stmt, 1));
      g_strv_builder_add (reasons, reason);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_strv_builder_end (reasons);
}

GPtrArray *
klynge_import_list_batches (KlyngeDb  *db,
                            gint64     cluster_id,
                            GError   **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify)klynge_import_batch_free);
  sqlite3_stmt *stmt = klynge_db_prepare (db,
                                          "SELECT id, file_name, checksum, source, imported_at, row_count, left_out FROM import_batch "
                                          "WHERE cluster_id = ?1 ORDER BY imported_at DESC, id DESC",
                                          error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      KlyngeImportBatch *batch = g_new0 (KlyngeImportBatch, 1);

      batch->id = sqlite3_column_int64 (stmt, 0);
      batch->file_name = klynge_db_column_dup_nullable (stmt, 1);
      batch->checksum = klynge_db_column_dup_nullable (stmt, 2);
      batch->source = klynge_db_column_dup_nullable (stmt, 3);
      batch->imported_at = klynge_db_column_dup_nullable (stmt, 4);
      batch->row_count = sqlite3_column_int64 (stmt, 5);
      batch->left_out = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (batches, batch);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&batches);
}

/* Rows deleted per statement: small enough that progress moves every few
 * hundred milliseconds, large enough that the statements cost nothing extra. */
#define UNDO_CHUNK 20000

gboolean
klynge_import_undo (KlyngeDb                  *db,
                    gint64                     batch_id,
                    KlyngeImportProgressFunc   progress,
                    gpointer                   progress_data,
                    GError                   **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) requests = NULL;
  gint64 total, done = 0;
  int changed;

  if (!klynge_db_begin (db, error))
    return FALSE;

  if ((requests = klynge_submissions_delivered_by (db, batch_id, error)) == NULL)
    goto failed;

  /* The replaced measurements come back before the batch goes, with their
   * own batch when it still exists. */
  stmt = klynge_db_prepare (db,
                            "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, value, batch_id, status) "
                            "SELECT r.indicator_id, r.clinic_id, r.period, r.numerator, r.denominator, r.value, b.id, r.status "
                            "FROM import_replaced r LEFT JOIN import_batch b ON b.id = r.old_batch_id "
                            "WHERE r.batch_id = ?1 "
                            "ON CONFLICT (indicator_id, clinic_id, period) DO UPDATE SET "
                            "numerator = excluded.numerator, denominator = excluded.denominator, "
                            "value = excluded.value, batch_id = excluded.batch_id, status = excluded.status",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (!klynge_db_step_done (db, stmt, error))
    goto failed;

  /* The cascade from import_batch would delete the measurements in one
   * silent step; in chunks, inside the same transaction, the window can
   * show how far a large file has got. */
  if (!klynge_db_count (db, "SELECT count(*) FROM measurement WHERE batch_id = ?1", batch_id, &total, error))
    goto failed;
  stmt = klynge_db_prepare (db,
                            "DELETE FROM measurement WHERE rowid IN "
                            "(SELECT rowid FROM measurement WHERE batch_id = ?1 LIMIT ?2)",
                            error);
  if (stmt == NULL)
    goto failed;
  do
    {
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int (stmt, 2, UNDO_CHUNK);
      if (!klynge_db_step_done (db, stmt, error))
        goto failed;
      changed = sqlite3_changes (klynge_db_get_handle (db));
      done += changed;
      if (progress != NULL)
        progress (total > 0 ? (double)MIN (done, total) / total : 1.0, progress_data);
    }
  while (changed == UNDO_CHUNK);

  stmt = klynge_db_prepare (db, "DELETE FROM import_batch WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (!klynge_db_step_done (db, stmt, error))
    goto failed;
  if (sqlite3_changes (klynge_db_get_handle (db)) == 0)
    {
      /* An undone batch is deleted: it and a number never given look alike. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   _("There is no imported batch %s: it was undone, or there never was one (see import-batches)."), number);
      goto failed;
    }

  if (!klynge_submissions_recheck (db, requests, error) ||
      !klynge_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  klynge_db_rollback (db);
  return FALSE;
}

gboolean
klynge_import_add_clinic_alias (KlyngeDb    *db,
                                gint64       cluster_id,
                                const char  *alias,
                                gint64       clinic_id,
                                GError     **error)
{
  g_autofree char *folded = fold (alias);
  sqlite3_stmt *stmt = klynge_db_prepare (db,
                                          "INSERT INTO clinic_alias (cluster_id, alias, clinic_id) VALUES (?1, ?2, ?3) "
                                          "ON CONFLICT (cluster_id, alias) DO UPDATE SET clinic_id = excluded.clinic_id",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, clinic_id);
  return klynge_db_step_done (db, stmt, error);
}

GStrv
klynge_import_list_indicators (KlyngeDb  *db,
                               gint64     cluster_id,
                               GError   **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = klynge_db_prepare (db,
                                          "SELECT i.name FROM indicator i JOIN topic t ON t.id = i.topic_id "
                                          "WHERE t.cluster_id = ?1 OR t.cluster_id IS NULL ORDER BY t.title, i.id",
                                          error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *)sqlite3_column_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
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
