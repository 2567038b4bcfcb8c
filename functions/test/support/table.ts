// Test-only views of the table: every item of one account, to prove a request changed nothing.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '@crm/core';

/**
 * All items whose keys belong to the account but its request counters. A Scan (tests only, never a
 * request path): run it on a table of the test's own (`startWorld({ ownTable: true })`), whose
 * size is the test's, not that of every file run before it.
 */
export async function accountItems(accountId: string) {
  const mark = `accountid_${accountId.toLowerCase()}`;
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: process.env.TABLE_NAME,
        FilterExpression: 'contains(pk, :mark)',
        ExpressionAttributeValues: { ':mark': mark },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  // The month's request counters (Usage) count every request, a refused one too: not a change of data.
  const data = items.filter((i) => !(i.__edb_e__ === 'counter' && String(i.key).startsWith('requests#')));
  return data.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort();
}
