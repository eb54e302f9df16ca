/**
 * The two reads of pg-boss's own job table that pg-boss offers no call for. They run on the queue's
 * connection (any `executeSql`, as pg-boss's Db interface has it), but the SQL lives here with the
 * rest of the project's SQL.
 */
export interface SqlRunner {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Jobs marked active, by queue name and id. */
export async function activeJobs(sql: SqlRunner): Promise<{ name: string; id: string }[]> {
  const { rows } = await sql.executeSql("SELECT name, id FROM pgboss.job WHERE state = 'active'", []);
  return rows as { name: string; id: string }[];
}

/** The id of a job of `queue` under `singletonKey` still waiting or running, if any. */
export async function pendingJobId(
  sql: SqlRunner,
  queue: string,
  singletonKey: string,
): Promise<string | undefined> {
  const { rows } = await sql.executeSql(
    "SELECT id FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1",
    [queue, singletonKey],
  );
  return (rows[0] as { id: string } | undefined)?.id;
}
