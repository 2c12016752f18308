/**
 * The migrations a database at schema version `current` still needs: those after it, in
 * order (migration i takes the schema to version i + 1). Throws when the database was
 * written by a newer Roam, whose schema this one does not know.
 */
export function pendingMigrations<T>(
  current: number,
  migrations: readonly T[],
  where: string,
): T[] {
  if (current > migrations.length) {
    throw new Error(
      `${where} has schema version ${current}; this Roam knows versions up to ${migrations.length}`,
    );
  }
  return migrations.slice(current);
}
