/** Roam's mark: a route between two nodes. */
export function Logo() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path
        d="M9 22c0-6 14-6 14-12"
        stroke="#fff"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
      />
      <circle cx="9" cy="22" r="3.2" fill="#fff" />
      <circle cx="23" cy="10" r="3.2" fill="#fff" />
    </svg>
  );
}
