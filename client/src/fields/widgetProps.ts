/** What every value widget gets: its id and label, the current value, and how to change it. */
export interface WidgetProps<V> {
  readonly id: string;
  readonly label: string;
  readonly value: V;
  /** False while the member may only read (or the doc has not loaded yet). */
  readonly editable: boolean;
  readonly onChange: (value: V) => void;
  /** Ids of help or warning text under the field. */
  readonly describedBy?: string;
}
