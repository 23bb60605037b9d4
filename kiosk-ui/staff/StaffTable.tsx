import type { ComponentChildren } from 'preact';

/**
 * A console table: its name for assistive technology (a hidden caption, or a visible one), one
 * header row of column names, and the rows given as children.
 */
export function StaffTable({
  label,
  columns,
  visibleCaption = false,
  children,
}: {
  label: string;
  columns: readonly string[];
  visibleCaption?: boolean;
  children: ComponentChildren;
}) {
  return (
    <table class="staff-table">
      <caption class={visibleCaption ? undefined : 'visually-hidden'}>{label}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
