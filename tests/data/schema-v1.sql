-- SPDX-License-Identifier: GPL-3.0-or-later
-- A database as schema version 1 of Impact Dashboard wrote it, with a little data.
-- test-migrations opens it with the current version and checks the data survived.
CREATE TABLE nodes (  id INTEGER PRIMARY KEY,  parent_id INTEGER REFERENCES nodes (id) ON DELETE RESTRICT,  level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),  code TEXT NOT NULL CHECK (length (code) > 0),  name TEXT NOT NULL CHECK (length (name) > 0),  client TEXT,  contract_value_cents INTEGER CHECK (contract_value_cents >= 0),  contract_start INTEGER,  contract_end INTEGER CHECK (contract_end >= contract_start),  CHECK ((level = 0) = (parent_id IS NULL)),  UNIQUE (level, code));
CREATE INDEX nodes_parent ON nodes (parent_id);
CREATE TABLE suppliers (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL CHECK (length (name) > 0),  norm_name TEXT NOT NULL,  kvk TEXT UNIQUE CHECK (length (kvk) = 8 AND kvk NOT GLOB '*[^0-9]*'),  vat_id TEXT UNIQUE CHECK (vat_id GLOB '[A-Z][A-Z][0-9A-Z]*'),  erp_id TEXT UNIQUE);
CREATE INDEX suppliers_norm_name ON suppliers (norm_name);
CREATE TABLE supplier_statuses (  id INTEGER PRIMARY KEY,  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,  kind TEXT NOT NULL CHECK (kind IN ('pso-30plus', 'pso-3', 'pso-2', 'pso-1', 'pso-base',    'pso-aspirant', 'sw', 'social-enterprise', 'own-social')),  valid_from INTEGER,  valid_until INTEGER CHECK (valid_until >= valid_from),  certifying_body TEXT,  evidence TEXT,  note TEXT);
CREATE INDEX supplier_statuses_supplier ON supplier_statuses (supplier_id);
CREATE INDEX supplier_statuses_until ON supplier_statuses (valid_until);
CREATE TABLE import_batches (  id INTEGER PRIMARY KEY,  file_name TEXT NOT NULL,  content_hash TEXT NOT NULL,  target TEXT NOT NULL CHECK (target IN ('purchases', 'suppliers', 'organisation', 'demo')),  mapping TEXT,  imported_at INTEGER NOT NULL,  rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),  rows_accepted INTEGER NOT NULL DEFAULT 0 CHECK (rows_accepted >= 0),  rows_rejected INTEGER NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),  rows_duplicate INTEGER NOT NULL DEFAULT 0 CHECK (rows_duplicate >= 0),  total_cents INTEGER NOT NULL DEFAULT 0);
CREATE TABLE purchase_lines (  id INTEGER PRIMARY KEY,  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,  invoice_day INTEGER NOT NULL CHECK (invoice_day BETWEEN 1 AND 3652059),  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),  division_id INTEGER NOT NULL REFERENCES nodes (id),  object_id INTEGER REFERENCES nodes (id),  amount_cents INTEGER NOT NULL,  invoice_number TEXT,  category TEXT,  gl_account TEXT,  description TEXT);
CREATE INDEX purchase_lines_batch ON purchase_lines (batch_id);

INSERT INTO nodes VALUES (1, NULL, 0, 'G', 'Groep', NULL, NULL, NULL, NULL);
INSERT INTO nodes VALUES (2, 1, 1, 'CLN', 'Schoonmaak', NULL, NULL, NULL, NULL);
INSERT INTO nodes VALUES (3, 2, 2, 'CLN-1', 'Stadhuis', 'Gemeente Utrecht', 250000000, 739251, 740711);
INSERT INTO suppliers VALUES (1, 'Jansen Schoonmaak B.V.', 'jansen schoonmaak', '12345678', NULL, 'K1');
INSERT INTO suppliers VALUES (2, 'Werkbedrijf Twente', 'werkbedrijf twente', '87654321', NULL, 'K2');
INSERT INTO supplier_statuses VALUES (1, 2, 'sw', 730000, NULL, NULL, NULL, NULL);
INSERT INTO import_batches VALUES (1, 'spend-2024.csv', 'abc', 'purchases', NULL, 1735689600, 3, 3, 0, 0, 175000);
INSERT INTO purchase_lines VALUES (1, 1, 739300, 1, 2, 3, 100000, 'F1', NULL, NULL, NULL);
INSERT INTO purchase_lines VALUES (2, 1, 739301, 2, 2, NULL, 100000, 'F2', NULL, NULL, NULL);
INSERT INTO purchase_lines VALUES (3, 1, 739302, 2, 2, NULL, -25000, 'C1', NULL, NULL, NULL);
PRAGMA user_version = 1;
PRAGMA application_id = 1229803588;
