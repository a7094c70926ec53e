/* test-feedback.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each clinic's feedback: its own PDF, no other clinic named on it, and an
 * e-mail draft that Python's email package (an independent reader) parses
 * back to a message to the clinic with that very PDF attached.
 */

#include <string.h>

#include "klynge-chart-export.h"
#include "klynge-feedback.h"
#include "klynge-test-utils.h"

typedef KlyngeTestDemo Fixture;

/* Prints the message's type, its To:, the attachment's type, transfer
 * encoding and file name, and writes the attachment's bytes to argv[2]. */
static const char parse_eml[] =
  "import email, email.policy, sys\n"
  "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
  "print(m.get_content_type())\n"
  "print(m['To'].addresses[0].addr_spec if m['To'] else '')\n"
  "print(m['X-Unsent'])\n"
  "parts = list(m.iter_parts())\n"
  "print(parts[0].get_content_type(), parts[0].get_content_charset())\n"
  "a = parts[1]\n"
  "print(a.get_content_type(), a['Content-Transfer-Encoding'], a.get_filename())\n"
  "open(sys.argv[2], 'wb').write(a.get_payload(decode=True))\n";

static char *
run (const char *const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static void
test_feedback_files (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "feedback", NULL);
  g_autoptr(GPtrArray) clinics = klynge_chart_list_clinics (f->db, f->cluster, NULL);
  guint n = 0;

  g_assert_true (klynge_db_exec (f->db, "UPDATE clinic SET email = 'klinik' || id || '@example.dk'", NULL));
  g_assert_true (klynge_feedback_export (f->db, f->cluster, 2, folder, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, clinics->len);
  for (guint c = 0; c < clinics->len; c++)
    {
      const KlyngeChartIndicator *clinic = g_ptr_array_index (clinics, c);
      g_autofree char *stem = g_build_filename (folder, clinic->name, NULL);
      g_autofree char *pdf = g_strconcat (stem, ".pdf", NULL), *eml = g_strconcat (stem, ".eml", NULL);
      g_autofree char *attached = g_build_filename (f->dir, "attached.pdf", NULL);
      g_autofree char *address = g_strdup_printf ("klinik%" G_GINT64_FORMAT "@example.dk", clinic->id);
      g_autofree char *expected = NULL, *text = NULL, *parsed = NULL, *pdf_bytes = NULL, *attached_bytes = NULL;
      const char *pdftotext[] = { "pdftotext", pdf, "-", NULL };
      const char *python[] = { "python3", "-c", parse_eml, eml, attached, NULL };
      gsize pdf_length, attached_length;

      klynge_test_assert_private_file (pdf);
      klynge_test_assert_private_file (eml);
      /* Its own name on its pages, no other clinic's. */
      text = run (pdftotext);
      g_assert_nonnull (strstr (text, clinic->name));
      g_assert_nonnull (strstr (text, "Your clinic:"));
      for (guint o = 0; o < clinics->len; o++)
        if (o != c)
          g_assert_null (strstr (text, ((KlyngeChartIndicator *) g_ptr_array_index (clinics, o))->name));

      parsed = run (python);
      expected = g_strdup_printf ("multipart/mixed\n%s\n1\ntext/plain utf-8\napplication/pdf base64 %s.pdf\n",
                                  address, clinic->name);
      g_assert_cmpstr (parsed, ==, expected);
      g_assert_true (g_file_get_contents (pdf, &pdf_bytes, &pdf_length, NULL));
      g_assert_true (g_file_get_contents (attached, &attached_bytes, &attached_length, NULL));
      g_assert_cmpmem (attached_bytes, attached_length, pdf_bytes, pdf_length);
    }
}

/* The sentence says where the clinic stands and whether chance explains it. */
static void
test_feedback_sentence (void)
{
  g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
  g_autofree char *high = NULL, *middle = NULL;

  data->unit = g_strdup ("percent");
  g_ptr_array_add (data->periods, g_strdup ("2026-Q1"));
  data->period = g_strdup ("2026-Q1");
  for (int i = 0; i < 8; i++)
    klynge_chart_data_add_counts (data, i + 1, "x", 70, 100);
  klynge_chart_data_add_counts (data, 9, "high", 412, 498);
  klynge_chart_data_add_counts (data, 10, "middle", 71, 100);
  high = klynge_feedback_sentence (data, 8);
  g_assert_true (g_str_has_prefix (high, "Your clinic: 83 % (412 of 498), above the cluster’s"));
  g_assert_nonnull (strstr (high, "beyond chance"));
  middle = klynge_feedback_sentence (data, 9);
  g_assert_nonnull (strstr (middle, "can be chance"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/feedback/files", Fixture, NULL, klynge_test_demo_set_up, test_feedback_files, klynge_test_demo_tear_down);
  g_test_add_func ("/feedback/sentence", test_feedback_sentence);

  return g_test_run ();
}
