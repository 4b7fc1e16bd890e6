/** Dutch dates; in `shared/` so a version's PDF writes dates the same way (issue #8). */
export { formatDay, formatInstantDay } from '../../../shared/src/format/formatDate';
