// The schema readable in one place (src/main/store/schema.sql) is the schema the migrations build:
// an empty database brought forward by every migration and one built from schema.sql have the same
// tables, indexes and columns, statement for statement, and the same user_version.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../src/main/store/db';
import { MIGRATIONS } from '../src/main/store/migrations';

const SCHEMA_SQL = readFileSync(join(__dirname, '../src/main/store/schema.sql'), 'utf8');

/** A CREATE statement without comments and with whitespace that carries no meaning removed. */
function normalize(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/"(\w+)"/g, '$1') // a renamed table keeps its name quoted
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;])\s*/g, '$1')
    .trim();
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

function schemaOf(db: Database.Database): { type: string; name: string; table: string; sql: string | null }[] {
  return (db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaRow[]).map((r) => ({
    type: r.type,
    name: r.name,
    table: r.tbl_name,
    sql: r.sql === null ? null : normalize(r.sql),
  }));
}

describe('schema.sql', () => {
  it('is exactly what the migrations build from an empty database', () => {
    const migrated = openDatabase(':memory:');
    const fromFile = new Database(':memory:');
    fromFile.exec(SCHEMA_SQL);
    expect(schemaOf(fromFile)).toEqual(schemaOf(migrated));
    expect(fromFile.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrated.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    migrated.close();
    fromFile.close();
  });

  it('explains every table it creates in a comment', () => {
    const tables = [...SCHEMA_SQL.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(SCHEMA_SQL, t).toMatch(new RegExp(`--[^\\n]*\\n(--[^\\n]*\\n)*CREATE TABLE ${t} `));
  });

  it('notices a drift (a column the migrations would not create)', () => {
    const drifted = new Database(':memory:');
    drifted.exec(SCHEMA_SQL.replace('note TEXT', 'note TEXT, extra INTEGER'));
    const migrated = openDatabase(':memory:');
    expect(schemaOf(drifted)).not.toEqual(schemaOf(migrated));
    drifted.close();
    migrated.close();
  });
});
