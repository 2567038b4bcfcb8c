// Test-only views of the table: every item of one account, to prove a request changed nothing.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '@crm/core';

/** All items whose keys belong to the account (a Scan: tests only, never a request path). */
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
  return items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort();
}
