// The main navigation: the role's everyday links in one row, the rest behind a "More" disclosure button
// (closes on Escape, on a click outside and when a link is followed).
import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { Role } from '../gql/graphql';
import { splitNav, type NavItem } from './navigation';

export function NavMenu({ items, role, open, onNavigate }: { items: readonly NavItem[]; role: Role | null; open: boolean; onNavigate: () => void }) {
  const { primary, more } = splitNav(items, role);
  return (
    <nav id="main-nav" className={`nav${open ? ' nav--open' : ''}`} aria-label="Main">
      <ul>
        {primary.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} onClick={onNavigate}>
              {item.label}
            </NavLink>
          </li>
        ))}
        {more.length ? <MoreMenu items={more} onNavigate={onNavigate} /> : null}
      </ul>
    </nav>
  );
}

function MoreMenu({ items, onNavigate }: { items: readonly NavItem[]; onNavigate: () => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const current = items.some((i) => pathname === i.to || pathname.startsWith(`${i.to}/`));

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <li className="nav__more" ref={root}>
      <button
        ref={button}
        type="button"
        className={`nav__more-button${current ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls="nav-more-links"
        onClick={() => setOpen(!open)}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      <ul id="nav-more-links" className="nav__more-links" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              onClick={() => {
                setOpen(false);
                onNavigate();
              }}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
