/**
 * A console section's heading, and under it what went wrong (read out at once) and what was
 * just done (read out politely); each line is hidden while it has nothing to say.
 */
export function SectionHeading({
  title,
  problem,
  status,
}: {
  title: string;
  problem: string | null;
  status: string;
}) {
  return (
    <>
      <h2 class="staff-section__title">{title}</h2>
      <p role="alert" class="staff-error">
        {problem}
      </p>
      <p role="status" class="staff-note">
        {status}
      </p>
    </>
  );
}

/** 刷新: reads a section's records again; disabled while they are being read. */
export function RefreshButton({
  loading,
  onClick,
  label,
}: {
  loading: boolean;
  onClick: () => void;
  label: string;
}) {
  return (
    <button type="button" class="staff-button" disabled={loading} onClick={onClick}>
      {label}
    </button>
  );
}
