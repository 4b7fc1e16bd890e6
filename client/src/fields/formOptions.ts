/** The options of reference fields; in `shared/` so a version's PDF names references the same way (issue #8). */
export * from '../../../shared/src/format/formOptions';
