import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routes';

/**
 * A link to another page of the app that switches pages without a reload (a plain click); a click with a
 * modifier key or the middle button still opens a new tab as any link does.
 */
export function AppLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
