/** Who entered an item, in words; in `shared/` so a version's PDF says it the same way (issue #8). */
export { attributionText, whoText } from '../../../shared/src/format/attributionText';
