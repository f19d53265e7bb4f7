/* test-letter.c: letters as A4 PDFs, read back with pdfinfo and pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "impact-letter-pdf.h"
#include "impact-test-utils.h"
#include "model/impact-engagement.h"
#include "model/impact-format.h"

static char *
run (const char *program,
     const char *path)
{
  g_autofree char *found = g_find_program_in_path (program);
  const char *argv[] = { found, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;

  if (found == NULL)
    return NULL;
  if (g_str_equal (program, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
have_poppler (void)
{
  g_autofree char *found = g_find_program_in_path ("pdftotext");

  if (found == NULL)
    g_test_skip ("pdftotext is not installed (poppler-utils)");
  return found != NULL;
}

static int
count_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *pages = info != NULL ? strstr (info, "Pages:") : NULL;

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* The built-in Dutch letter with its fields filled in: one A4 page with every figure. */
static void
test_letter_pdf (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  const ImpactLetterFields fields = { "Jansen B.V.", "mevrouw De Vries", "Facilitair Groep", "Schoonmaak",
                                      "trede 2", 123456, 0, 0 };
  ImpactLetterFields dated = fields;
  g_autofree char *letter = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_poppler ())
    return;

  dated.target_day = impact_day_from_iso ("2027-03-31");
  dated.today = impact_day_from_iso ("2026-11-22");
  letter = impact_letter_merge (impact_letter_default_template (IMPACT_LETTER_ASK_PSO, "nl"), "nl", &dated);
  g_assert_true (impact_letter_write_pdf (letter, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_pages (path), ==, 1);
  text = run ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Geachte mevrouw De Vries,"));
  g_assert_nonnull (strstr (text, "1.234,56"));
  g_assert_nonnull (strstr (text, "€"));
  g_assert_nonnull (strstr (text, "31 maart 2027"));
  g_assert_nonnull (strstr (text, "Betreft: verzoek om het PSO-keurmerk"));

  impact_test_remove_tree (dir);
}

/* A long text runs on to more pages, and none of it is lost. */
static void
test_letter_pages (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_poppler ())
    return;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (long_text, "Paragraph %u of a long letter.\n\n", i);
  g_assert_true (impact_letter_write_pdf (long_text->str, path, &error));
  g_assert_no_error (error);

  /* 300 lines of about 19 pt on pages with 700 pt of room: 9 pages. */
  g_assert_cmpint (count_pages (path), >=, 7);
  g_assert_cmpint (count_pages (path), <=, 11);
  text = run ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Paragraph 1 of"));
  g_assert_nonnull (strstr (text, "Paragraph 77 of"));
  g_assert_nonnull (strstr (text, "Paragraph 150 of"));

  /* A folder that does not exist: an error, no crash. */
  g_assert_false (impact_letter_write_pdf ("x", "/nonexistent/folder/letter.pdf", &error));
  g_assert_nonnull (error);

  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letter/pdf", test_letter_pdf);
  g_test_add_func ("/letter/pages", test_letter_pages);

  return g_test_run ();
}
