/* fuzz-replay.c — runs a fuzz target over files, for compilers without libFuzzer
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-TARGET FILE|FOLDER…: feeds every file to LLVMFuzzerTestOneInput and
 * prints TAP, so a gcc build still proves the corpus (and every crash found
 * before, once added to it) runs clean.
 */

#include <stdint.h>
#include <stdio.h>

#include <gio/gio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
run_file (const char *path,
          guint      *n)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    {
      printf ("not ok %u - %s cannot be read\n", ++*n, path);
      return;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, len);
  printf ("ok %u - %s\n", ++*n, path);
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          run_file (argv[i], &n);
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          run_file (path, &n);
        }
    }
  printf ("1..%u\n", n);
  return 0;
}
