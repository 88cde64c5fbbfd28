import { html, type TemplateResult } from 'lit-html';
import type { FlowsModel } from '../ui/flows-model.ts';

/**
 * The flows table from its model (client/ui/flows-model.ts), rendered with lit-html. Each
 * figure carries its column's name, so on a phone a row stacks as name/figure pairs
 * (client/styles.css) and no figure is ever broken across lines; explicit roles keep it a
 * table to a screen reader when its display is not.
 */
export function flowsTemplate(model: FlowsModel): TemplateResult {
  return html`<div class="table-scroll" role="group" aria-label=${model.caption} tabindex="0">
    <table class="data flows" role="table">
      <caption>${model.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">${model.nameColumn}</th>
          ${model.columns.map((column) => html`<th scope="col" role="columnheader" class="num">${column}</th>`)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${model.rows.map(
          (row) => html`<tr role="row" class=${row.total ? 'total' : ''}>
            <th scope="row" role="rowheader">${row.label}</th>
            ${row.values.map((value, i) => html`<td role="cell" class="num" data-label=${model.columns[i] ?? ''}><span class="figure">${value}</span></td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
