/* impact-test-utils.h: temporary folders and files for the test suites and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *impact_test_make_tmpdir  (void);
void   impact_test_remove_tree  (const char *path);
char  *impact_test_file_sha256  (const char *path);
void   impact_test_remove_database (const char *path);
double impact_test_median       (double     *values,
                                 guint       n);

G_END_DECLS
