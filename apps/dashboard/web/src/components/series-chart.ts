import { html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import uPlot from 'uplot';
import type { Granularity } from '../api-types.js';
import { LightElement } from './light-element.js';

/** One line of the chart: a value per bucket of `times`. */
export interface ChartLine {
  label: string;
  values: number[];
}

const HEIGHT = 280;

/**
 * A time series as a uPlot line chart: `times` (bucket starts, epoch ms) and a line per series, coloured
 * `--series-1`, `--series-2`, … from the stylesheet's custom properties (light or dark). It follows its box's
 * width, and it is drawn again when the colour scheme changes.
 */
export class SeriesChart extends LightElement {
  static override properties: PropertyDeclarations = {
    times: { attribute: false },
    lines: { attribute: false },
    granularity: { attribute: false },
  };

  declare times: number[];
  declare lines: ChartLine[];
  declare granularity: Granularity;
  private chart: uPlot | undefined;
  private readonly resizer = new ResizeObserver(() => this.fitWidth());
  private readonly darkScheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly redraw = () => this.draw();

  constructor() {
    super();
    this.times = [];
    this.lines = [];
    this.granularity = 'day';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkScheme.addEventListener('change', this.redraw);
  }

  override disconnectedCallback(): void {
    this.darkScheme.removeEventListener('change', this.redraw);
    this.resizer.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  override render() {
    return html`<div class="chart-box"></div>`;
  }

  protected override firstUpdated(): void {
    this.resizer.observe(this.box);
  }

  protected override updated(): void {
    this.draw();
  }

  private get box(): HTMLElement {
    return this.querySelector('.chart-box') as HTMLElement;
  }

  private draw(): void {
    this.chart?.destroy();
    const colours = getComputedStyle(this);
    const colour = (name: string) => colours.getPropertyValue(name).trim();
    const axis = {
      stroke: colour('--text-muted'),
      grid: { stroke: colour('--grid') },
      ticks: { stroke: colour('--grid') },
    };
    const data: uPlot.AlignedData = [this.times, ...this.lines.map((line) => line.values)];
    this.chart = new uPlot(
      {
        width: this.box.clientWidth || 320,
        height: HEIGHT,
        ms: 1,
        series: [
          { label: this.granularity === 'hour' ? 'Hour' : 'Day' },
          ...this.lines.map(({ label }, index) => ({ label, stroke: colour(`--series-${index + 1}`), width: 2 })),
        ],
        axes: [axis, { ...axis, size: 48 }],
        scales: { y: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
        cursor: { drag: { x: false, y: false } },
        // The legend names the lines; values under the pointer would be read out as "--" without one.
        legend: { live: false },
      },
      data,
      this.box,
    );
  }

  private fitWidth(): void {
    const width = this.box.clientWidth;
    if (this.chart && width > 0 && width !== this.chart.width) this.chart.setSize({ width, height: HEIGHT });
  }
}

customElements.define('series-chart', SeriesChart);

declare global {
  interface HTMLElementTagNameMap {
    'series-chart': SeriesChart;
  }
}
