// A report's table: the same header its CSV has, one row per stage, period or user.
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

export function ReportTable({
  header,
  rows,
  minWidth = 600,
}: {
  header: string[];
  rows: { key: string; cells: ReactNode[] }[];
  minWidth?: number;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {header.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
