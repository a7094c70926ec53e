/* klynge-import-match.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matching the file's names to the cluster: its clinics (by provider
 * number, name or alias) and indicators, with suggestions for near misses,
 * and the clinics and indicators the file brings.
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

char *
_klynge_import_fold (const char *text)
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
  g_autofree char *folded = _klynge_import_fold (number);
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
  g_autofree char *folded = _klynge_import_fold (name);
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
GStrv
_klynge_import_suggest (const char  *text,
                        const char **names,
                        guint        n_names)
{
  g_autofree char *folded = _klynge_import_fold (text);
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
      candidate = _klynge_import_fold (names[i]);
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

gboolean
_klynge_import_load_reference (Prepare  *self,
                               GError  **error)
{
  g_autoptr(KlyngeDbStatement) clinics = NULL;
  g_autoptr(KlyngeDbStatement) aliases = NULL;
  g_autoptr(KlyngeDbStatement) indicators = NULL;
  int rc;

  clinics = klynge_db_statement_new (self->db, "SELECT id, name, COALESCE(provider_number, '') FROM clinic WHERE cluster_id = ?1");
  klynge_db_statement_bind_int64 (clinics, 1, self->plan->cluster_id);
  while ((rc = klynge_db_statement_step (clinics, error)) == SQLITE_ROW)
    {
      KnownClinic clinic = {
        klynge_db_statement_column_int64 (clinics, 0),
        klynge_db_statement_dup_nullable (clinics, 1),
        klynge_db_statement_dup_nullable (clinics, 2),
      };

      g_array_append_val (self->clinics, clinic);
      g_hash_table_insert (self->clinic_keys, klynge_import_name_key (clinic.name), GINT_TO_POINTER (clinic.id));
      if (*clinic.number != '\0')
        g_hash_table_insert (self->clinic_keys, klynge_import_number_key (clinic.number), GINT_TO_POINTER (clinic.id));
    }
  if (rc < 0)
    return FALSE;

  aliases = klynge_db_statement_new (self->db, "SELECT alias, clinic_id FROM clinic_alias WHERE cluster_id = ?1");
  klynge_db_statement_bind_int64 (aliases, 1, self->plan->cluster_id);
  while ((rc = klynge_db_statement_step (aliases, error)) == SQLITE_ROW)
    g_hash_table_insert (self->clinic_keys, klynge_import_name_key (klynge_db_statement_column_text (aliases, 0)),
                         GINT_TO_POINTER (klynge_db_statement_column_int64 (aliases, 1)));
  if (rc < 0)
    return FALSE;

  /* The cluster's own indicators and the shared library's. */
  indicators = klynge_db_statement_new (self->db,
                                        "SELECT i.id, i.name, COALESCE(i.package_key, ''), i.unit FROM indicator i JOIN topic t ON t.id = i.topic_id "
                                        "WHERE t.cluster_id = ?1 OR t.cluster_id IS NULL");
  klynge_db_statement_bind_int64 (indicators, 1, self->plan->cluster_id);
  while ((rc = klynge_db_statement_step (indicators, error)) == SQLITE_ROW)
    {
      gint64 id = klynge_db_statement_column_int64 (indicators, 0);
      const char *name = klynge_db_statement_column_text (indicators, 1);
      const char *key = klynge_db_statement_column_text (indicators, 2);

      g_ptr_array_add (self->indicator_names, g_strdup (name));
      g_array_append_val (self->indicator_ids, id);
      g_hash_table_insert (self->indicator_keys, _klynge_import_fold (name), GINT_TO_POINTER (id));
      if (*key != '\0')
        g_hash_table_insert (self->indicator_keys, g_strdup (key), GINT_TO_POINTER (id));
      if (klynge_indicator_type_of_unit (klynge_db_statement_column_text (indicators, 3)) == KLYNGE_INDICATOR_PROPORTION)
        g_hash_table_add (self->proportions, GINT_TO_POINTER (id));
    }
  return rc >= 0;
}

gint64
_klynge_import_find_indicator (Prepare    *self,
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
      folded = _klynge_import_fold (target);
      id = GPOINTER_TO_INT (g_hash_table_lookup (self->indicator_keys, folded));
    }
  g_hash_table_insert (self->indicator_cache, g_strdup (text), GINT_TO_POINTER (id));
  return id;
}

gint64
_klynge_import_find_clinic (Prepare    *self,
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
gboolean
_klynge_import_can_list_problem (Prepare *self)
{
  return self->plan->problems->len < KLYNGE_IMPORT_MAX_PROBLEMS;
}

GStrv
_klynge_import_suggest_clinics (Prepare    *self,
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
  return _klynge_import_suggest (text, names, n);
}

/* An indicator the file names and the user wants created: a negative id
 * until the commit. */
gint64
_klynge_import_add_file_indicator (Prepare    *self,
                                   const char *name,
                                   const char *unit)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = _klynge_import_fold (trimmed);
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

void
_klynge_import_file_clinic_free (gpointer data)
{
  FileClinic *clinic = data;

  g_free (clinic->number);
  g_free (clinic->name);
  g_free (clinic);
}

/* A clinic of the file that is not in the cluster, to create or to leave
 * out: the index + 1 of its entry in @list, which counts its rows. */
guint
_klynge_import_note_file_clinic (Prepare    *self,
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

void
_klynge_import_known_clinic_clear (gpointer data)
{
  KnownClinic *clinic = data;

  g_free (clinic->name);
  g_free (clinic->number);
}
