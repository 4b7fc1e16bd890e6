/** A value field's value in words; the rule lives in `shared/` so a version's PDF words it the same way (issue #8). */
export { valueText } from '../../../shared/src/format/valueText';
