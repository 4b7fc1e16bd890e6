import type { ReactNode } from 'react';

/** A heading level; blocks nest under vensters, lists under blocks, nested lists under cards. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** An <h2>…<h6> by level. */
export function Heading({ level, id, className, children }: { level: HeadingLevel; id?: string; className?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** One level deeper, at most h6. */
export function deeper(level: HeadingLevel): HeadingLevel {
  return Math.min(6, level + 1) as HeadingLevel;
}
