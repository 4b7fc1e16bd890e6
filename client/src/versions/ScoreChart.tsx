import { useId, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ROLE_COLORS } from '../../../shared/src/permissions/roles';
import type { ScoreRonde } from '../../../shared/src/schema/blocks/eigen';
import type { ScoreHistory } from '../../../shared/src/versions/scoreHistory';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 36, right: 16, top: 16, bottom: 36 };
/** Dash patterns, so two parties of the same role (and colour) stay apart. */
const DASHES = ['', '6 4', '2 4', '10 4 2 4'];

/**
 * Scores over time (issue #8): each party's safety score per version and in the live round, as an inline
 * SVG line chart. Every point is focusable and names the party, the version, the score and the reason;
 * the same numbers follow as a table for screen readers and keyboard users.
 */
export function ScoreChart({ history }: { history: ScoreHistory }) {
  const id = useId();
  const [active, setActive] = useState<string | null>(null);
  if (history.series.length === 0) return <p className="muted">{translate('versies.scores.geen')}</p>;
  const cols = history.columns.length;
  const x = (i: number) => PAD.left + (cols === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (i * (WIDTH - PAD.left - PAD.right)) / (cols - 1));
  const y = (score: number) => PAD.top + ((10 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 10;
  const describe = (name: string, kolom: string, ronde: ScoreRonde) => translate('versies.scores.punt', { name, kolom, score: scoreWords(ronde), reden: ronde.reden });
  const activeText = active === null ? null : pointText(history, active, describe);

  return (
    <div className="score-chart" data-testid="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="score-chart__svg" role="group" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{translate('versies.scores.title')}</title>
        {[0, 2, 4, 6, 8, 10].map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="score-chart__grid" />
            <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" className="score-chart__axis">
              {v}
            </text>
          </g>
        ))}
        {history.columns.map((c, i) => (
          <text key={i} x={x(i)} y={HEIGHT - 12} textAnchor="middle" className="score-chart__axis" aria-hidden="true">
            {c.label}
          </text>
        ))}
        {history.series.map((s, si) => {
          const color = ROLE_COLORS[s.member.role];
          const points = s.rondes.flatMap((r, i) => (r?.score?.kind === 'cijfer' ? [{ i, r, cijfer: r.score.cijfer }] : []));
          return (
            <g key={s.member.memberId} data-member-id={s.member.memberId} className="score-chart__series">
              <polyline
                points={points.map((p) => `${x(p.i)},${y(p.cijfer)}`).join(' ')}
                fill="none"
                stroke={color}
                strokeWidth={2.5}
                strokeDasharray={DASHES[si % DASHES.length]}
                aria-hidden="true"
              />
              {points.map((p) => {
                const key = `${s.member.memberId}/${p.i}`;
                const label = describe(s.member.name, history.columns[p.i]?.label ?? '', p.r);
                return (
                  <circle
                    key={key}
                    cx={x(p.i)}
                    cy={y(p.cijfer)}
                    r={active === key ? 8 : 6}
                    fill={color}
                    stroke="#ffffff"
                    strokeWidth={2}
                    tabIndex={0}
                    role="img"
                    aria-label={label}
                    className="score-chart__point"
                    data-testid="score-point"
                    onMouseEnter={() => setActive(key)}
                    onMouseLeave={() => setActive(null)}
                    onFocus={() => setActive(key)}
                    onBlur={() => setActive(null)}
                  >
                    <title>{label}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
      </svg>
      <p className="score-chart__detail" aria-hidden="true">
        {activeText ?? '\u00a0'}
      </p>
      <ul className="score-chart__legend">
        {history.series.map((s, si) => (
          <li key={s.member.memberId}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={ROLE_COLORS[s.member.role]} strokeWidth="3" strokeDasharray={DASHES[si % DASHES.length]} />
            </svg>{' '}
            {s.member.name} ({translate(`role.${s.member.role}`)})
          </li>
        ))}
      </ul>
      <details className="score-chart__table">
        <summary>{translate('versies.scores.tabel')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={translate('versies.scores.tabel')}>
          <table>
            <caption className="visually-hidden">{translate('versies.scores.tabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{translate('versies.scores.wie')}</th>
                {history.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.series.map((s) => (
                <tr key={s.member.memberId}>
                  <th scope="row">{s.member.name}</th>
                  {s.rondes.map((r, i) => (
                    <td key={i}>{r ? `${scoreWords(r)}${r.reden ? ` — ${r.reden}` : ''}` : '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function scoreWords(ronde: ScoreRonde): string {
  const score = ronde.score;
  if (score === null) return '—';
  return score.kind === 'cijfer' ? translate('score.vanTien', { cijfer: score.cijfer }) : translate('score.geenCijfer');
}

function pointText(history: ScoreHistory, key: string, describe: (name: string, kolom: string, r: ScoreRonde) => string): string | null {
  const [memberId, index] = key.split('/');
  const series = history.series.find((s) => s.member.memberId === memberId);
  const ronde = series?.rondes[Number(index)];
  return series && ronde ? describe(series.member.name, history.columns[Number(index)]?.label ?? '', ronde) : null;
}
