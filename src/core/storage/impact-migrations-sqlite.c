/* impact-migrations-sqlite.c: the schema's steps on SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

/* The driver's list (impact-db-sqlite.c), ended by NULL. */
extern const char *const _impact_migrations_sqlite[];

/* Each step moves the schema from version N to N + 1 and runs in its own transaction.
 * A step is never changed once released: databases out there were made by it.
 *
 * purchase_lines has no index in supplier or date order on purpose: with one, a bulk insert of
 * 1,000,000 lines took 6.2 s instead of 1.2 s (sqlite3 shell, 2 MB page cache), because
 * inserts in random index order spill and reread pages. Figures per supplier, node and month
 * come from summary tables.
 *
 * Days are GDate Julian day numbers (1 = 0001-01-01); in SQL, date(day + 1721424.5) shows
 * one as text. Amounts are integer cents excluding VAT; credit notes are negative. */
const char *const _impact_migrations_sqlite[] = {
  /* 1: organisation, suppliers, statuses, import batches, purchase lines. */
  "CREATE TABLE nodes ("
  "  id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER REFERENCES nodes (id) ON DELETE RESTRICT,"
  "  level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),"
  "  code TEXT NOT NULL CHECK (length (code) > 0),"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  client TEXT,"
  "  contract_value_cents INTEGER CHECK (contract_value_cents >= 0),"
  "  contract_start INTEGER,"
  "  contract_end INTEGER CHECK (contract_end >= contract_start),"
  "  CHECK ((level = 0) = (parent_id IS NULL)),"
  "  UNIQUE (level, code)"
  ");"
  "CREATE INDEX nodes_parent ON nodes (parent_id);"
  "CREATE TABLE suppliers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  norm_name TEXT NOT NULL,"
  "  kvk TEXT UNIQUE CHECK (length (kvk) = 8 AND kvk NOT GLOB '*[^0-9]*'),"
  "  vat_id TEXT UNIQUE CHECK (vat_id GLOB '[A-Z][A-Z][0-9A-Z]*'),"
  "  erp_id TEXT UNIQUE"
  ");"
  "CREATE INDEX suppliers_norm_name ON suppliers (norm_name);"
  "CREATE TABLE supplier_statuses ("
  "  id INTEGER PRIMARY KEY,"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('pso-30plus', 'pso-3', 'pso-2', 'pso-1', 'pso-base',"
  "    'pso-aspirant', 'sw', 'social-enterprise', 'own-social')),"
  "  valid_from INTEGER,"
  "  valid_until INTEGER CHECK (valid_until >= valid_from),"
  "  certifying_body TEXT,"
  "  evidence TEXT,"
  "  note TEXT"
  ");"
  "CREATE INDEX supplier_statuses_supplier ON supplier_statuses (supplier_id);"
  "CREATE INDEX supplier_statuses_until ON supplier_statuses (valid_until);"
  "CREATE TABLE import_batches ("
  "  id INTEGER PRIMARY KEY,"
  "  file_name TEXT NOT NULL,"
  "  content_hash TEXT NOT NULL,"
  "  target TEXT NOT NULL CHECK (target IN ('purchases', 'suppliers', 'organisation', 'demo')),"
  "  mapping TEXT,"
  "  imported_at INTEGER NOT NULL,"
  "  rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),"
  "  rows_accepted INTEGER NOT NULL DEFAULT 0 CHECK (rows_accepted >= 0),"
  "  rows_rejected INTEGER NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),"
  "  rows_duplicate INTEGER NOT NULL DEFAULT 0 CHECK (rows_duplicate >= 0),"
  "  total_cents INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE purchase_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
  "  invoice_day INTEGER NOT NULL CHECK (invoice_day BETWEEN 1 AND 3652059),"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),"
  "  division_id INTEGER NOT NULL REFERENCES nodes (id),"
  "  object_id INTEGER REFERENCES nodes (id),"
  "  amount_cents INTEGER NOT NULL,"
  "  invoice_number TEXT,"
  "  category TEXT,"
  "  gl_account TEXT,"
  "  description TEXT"
  ");"
  "CREATE INDEX purchase_lines_batch ON purchase_lines (batch_id);",

  /* 2: the aliases a supplier was seen under in imports, and facts about the file itself
   * (for example that it holds demo data). */
  "CREATE TABLE supplier_aliases ("
  "  norm_name TEXT PRIMARY KEY,"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX supplier_aliases_supplier ON supplier_aliases (supplier_id);"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;",

  /* 3: statuses that came in with an import (a certificate register) belong to its batch,
   * so that undoing the import removes them. */
  "ALTER TABLE supplier_statuses ADD COLUMN"
  "  batch_id INTEGER REFERENCES import_batches (id) ON DELETE CASCADE;"
  "CREATE INDEX supplier_statuses_batch ON supplier_statuses (batch_id) WHERE batch_id IS NOT NULL;",

  /* 4: the column mapping last used for each layout of columns, so that the next export
   * with the same columns is mapped the same way. */
  "CREATE TABLE mapping_profiles ("
  "  signature TEXT PRIMARY KEY,"
  "  mapping TEXT NOT NULL,"
  "  saved_at INTEGER NOT NULL"
  ") WITHOUT ROWID;",

  /* 5: divisions and objects created by an organisation import remember it, so that undoing
   * the import removes those nothing refers to. */
  "ALTER TABLE nodes ADD COLUMN"
  "  batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL;"
  "CREATE INDEX nodes_batch ON nodes (batch_id) WHERE batch_id IS NOT NULL;",

  /* 6: the dashboards' figures, kept up to date instead of summed from every line for every
   * page (a GROUP BY over a million lines takes most of a second). spend_summary holds the
   * spend per division, object (0: none), month (year * 12 + month - 1), supplier and social
   * class (ImpactSocialClass, decided by the status valid on each line's day); node_summary
   * the same without the supplier, supplier_month_summary without division and object (for
   * the group's suppliers). Imports and undo update both as they write lines; a
   * change to a supplier's statuses marks the supplier in summary_dirty (the triggers), and
   * its rows are worked out again from its lines before the figures are next read. */
  "CREATE TABLE spend_summary ("
  "  division_id INTEGER NOT NULL,"
  "  object_id INTEGER NOT NULL,"
  "  month INTEGER NOT NULL,"
  "  supplier_id INTEGER NOT NULL,"
  "  class INTEGER NOT NULL,"
  "  total_cents INTEGER NOT NULL,"
  "  n_lines INTEGER NOT NULL,"
  "  PRIMARY KEY (division_id, object_id, month, supplier_id, class)"
  ") WITHOUT ROWID;"
  "CREATE TABLE node_summary ("
  "  division_id INTEGER NOT NULL,"
  "  object_id INTEGER NOT NULL,"
  "  month INTEGER NOT NULL,"
  "  class INTEGER NOT NULL,"
  "  total_cents INTEGER NOT NULL,"
  "  n_lines INTEGER NOT NULL,"
  "  PRIMARY KEY (division_id, object_id, month, class)"
  ") WITHOUT ROWID;"
  "CREATE TABLE supplier_month_summary ("
  "  month INTEGER NOT NULL,"
  "  supplier_id INTEGER NOT NULL,"
  "  class INTEGER NOT NULL,"
  "  total_cents INTEGER NOT NULL,"
  "  n_lines INTEGER NOT NULL,"
  "  PRIMARY KEY (month, supplier_id, class)"
  ") WITHOUT ROWID;"
  "CREATE TABLE summary_dirty ("
  "  supplier_id INTEGER PRIMARY KEY"
  ");"
  "CREATE TRIGGER supplier_statuses_insert AFTER INSERT ON supplier_statuses BEGIN"
  "  INSERT OR IGNORE INTO summary_dirty VALUES (new.supplier_id);"
  " END;"
  "CREATE TRIGGER supplier_statuses_update AFTER UPDATE ON supplier_statuses BEGIN"
  "  INSERT OR IGNORE INTO summary_dirty VALUES (old.supplier_id);"
  "  INSERT OR IGNORE INTO summary_dirty VALUES (new.supplier_id);"
  " END;"
  "CREATE TRIGGER supplier_statuses_delete AFTER DELETE ON supplier_statuses BEGIN"
  "  INSERT OR IGNORE INTO summary_dirty VALUES (old.supplier_id);"
  " END;"
  "INSERT INTO summary_dirty SELECT DISTINCT supplier_id FROM purchase_lines;",

  /* 7: the social share (in percent) the group, a division or an object aims for. */
  "CREATE TABLE share_targets ("
  "  node_id INTEGER PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,"
  "  share REAL NOT NULL CHECK (share >= 0 AND share <= 100)"
  ");",

  /* 8: social return (SROI) per object and the inputs of the PSO estimate. A rule set is a
   * name with versions (valid_from, a day); a version holds a factor (0 to 1) per class code,
   * and classes it does not name count for nothing. An object follows the version of its
   * rule set valid at its contract's start. pso_norms holds the total share each trede
   * needs, also in versions. */
  "CREATE TABLE sroi_rule_sets ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  valid_from INTEGER NOT NULL,"
  "  UNIQUE (name, valid_from)"
  ");"
  "CREATE TABLE sroi_rule_factors ("
  "  rule_set_id INTEGER NOT NULL REFERENCES sroi_rule_sets (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('pso-30plus', 'pso-3', 'pso-2', 'pso-1', 'pso-base',"
  "    'pso-aspirant', 'sw', 'social-enterprise', 'own-social', 'none')),"
  "  factor REAL NOT NULL CHECK (factor >= 0 AND factor <= 1),"
  "  PRIMARY KEY (rule_set_id, kind)"
  ") WITHOUT ROWID;"
  "INSERT INTO sroi_rule_sets (id, name, valid_from) VALUES (1, 'default', 1);"
  "INSERT INTO sroi_rule_factors VALUES (1, 'pso-30plus', 1), (1, 'sw', 1), (1, 'social-enterprise', 1);"
  "CREATE TABLE sroi_obligations ("
  "  object_id INTEGER PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),"
  "  percent REAL CHECK (percent >= 0 AND percent <= 100),"
  "  cap_cents INTEGER CHECK (cap_cents >= 0),"
  "  fixed_cents INTEGER CHECK (fixed_cents >= 0),"
  "  own_social_factor REAL NOT NULL DEFAULT 0 CHECK (own_social_factor >= 0 AND own_social_factor <= 1),"
  "  rule_set TEXT NOT NULL DEFAULT 'default',"
  "  CHECK ((kind = 'percent') = (percent IS NOT NULL)),"
  "  CHECK ((kind = 'fixed') = (fixed_cents IS NOT NULL))"
  ");"
  "CREATE TABLE sroi_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  object_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3652059),"
  "  amount_cents INTEGER NOT NULL,"
  "  description TEXT NOT NULL CHECK (length (description) > 0)"
  ");"
  "CREATE INDEX sroi_entries_object ON sroi_entries (object_id);"
  "CREATE TABLE pso_organisation ("
  "  node_id INTEGER PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,"
  "  fte REAL NOT NULL CHECK (fte >= 0),"
  "  direct_share REAL NOT NULL CHECK (direct_share >= 0 AND direct_share <= 1)"
  ");"
  "CREATE TABLE pso_suppliers ("
  "  supplier_id INTEGER PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,"
  "  turnover_cents INTEGER NOT NULL CHECK (turnover_cents >= 0),"
  "  fte REAL NOT NULL CHECK (fte >= 0),"
  "  direct_share REAL NOT NULL CHECK (direct_share >= 0 AND direct_share <= 1)"
  ");"
  "CREATE TABLE pso_norms ("
  "  valid_from INTEGER NOT NULL,"
  "  trede INTEGER NOT NULL CHECK (trede BETWEEN 1 AND 3),"
  "  share REAL NOT NULL CHECK (share >= 0 AND share <= 100),"
  "  PRIMARY KEY (valid_from, trede)"
  ") WITHOUT ROWID;"
  "INSERT INTO pso_norms VALUES (1, 1, 1.4), (1, 2, 1.9), (1, 3, 3.7);",

  /* 9: the statuses the user has been told about (a desktop notification) as they end, so
   * that each is told once. */
  "CREATE TABLE expiry_notices ("
  "  status_id INTEGER PRIMARY KEY REFERENCES supplier_statuses (id) ON DELETE CASCADE,"
  "  noticed_at INTEGER NOT NULL"
  ");",

  /* 10: supplier engagement (ketenstimulering): where each supplier stands on its way to a
   * certificate, and the dated history of it; the letter templates the user changed. */
  "CREATE TABLE supplier_engagement ("
  "  supplier_id INTEGER PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('not-contacted', 'asked', 'path-agreed', 'in-audit', 'certified',"
  "    'declined')),"
  "  target_day INTEGER,"
  "  contact TEXT,"
  "  notes TEXT"
  ");"
  "CREATE TABLE engagement_history ("
  "  id INTEGER PRIMARY KEY,"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  note TEXT"
  ");"
  "CREATE INDEX engagement_history_supplier ON engagement_history (supplier_id);"
  "CREATE TABLE letter_templates ("
  "  kind TEXT NOT NULL,"
  "  language TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (kind, language)"
  ") WITHOUT ROWID;",

  /* 11: a batch finds its lines by their ids instead of an index on batch_id. The lines of a
   * batch are written in one go, so they have consecutive ids; keeping the index up to date
   * took 40% of SQLite's time in an import (0.35 to 0.45 s of 1,000,000 lines in
   * bench-import). The range only narrows the search: undo still checks batch_id. */
  "ALTER TABLE import_batches ADD COLUMN first_line_id INTEGER;"
  "ALTER TABLE import_batches ADD COLUMN last_line_id INTEGER;"
  "UPDATE import_batches SET first_line_id = lines.low, last_line_id = lines.high"
  " FROM (SELECT batch_id, min (id) AS low, max (id) AS high FROM purchase_lines GROUP BY batch_id) AS lines"
  " WHERE lines.batch_id = import_batches.id;"
  "DROP INDEX purchase_lines_batch;",

  /* 12: what an organisation import changed of the units that were there before it: their
   * contract and their social-return obligation as they were, so that undoing the import
   * puts them back. */
  "CREATE TABLE node_changes ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
  "  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,"
  "  parent_id INTEGER,"
  "  name TEXT NOT NULL,"
  "  client TEXT,"
  "  contract_value_cents INTEGER,"
  "  contract_start INTEGER,"
  "  contract_end INTEGER,"
  "  had_obligation INTEGER NOT NULL,"
  "  kind TEXT,"
  "  percent REAL,"
  "  cap_cents INTEGER,"
  "  fixed_cents INTEGER,"
  "  own_social_factor REAL,"
  "  rule_set TEXT,"
  "  PRIMARY KEY (batch_id, node_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX node_changes_node ON node_changes (node_id);",

  /* 13: access by division. A file has one user, who sees all of it: PostgreSQL's step 13
   * (row-level security) has nothing to do here. */
  "",

  /* 14: telling open windows of other programs about a change: PostgreSQL's step 14
   * (LISTEN/NOTIFY); a file has nobody else to tell. */
  "",

  /* 15: PostgreSQL checks the lines' references once a statement instead of with foreign
   * keys; SQLite's foreign keys are checked at commit in an import already. */
  "",

  /* 16: PostgreSQL's supplier_month_summary for the group's roles, kept by triggers; a
   * file's is a table the store writes (step 6). */
  "",

  /* 17: PostgreSQL's notifications name the connection; a file has nobody to tell. */
  "",
  NULL,
};
