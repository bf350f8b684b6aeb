export interface Bar {
  label: string;
  valueMs: number;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart in plain SVG: one row per figure, the value in ms at the bar's end. */
export function barChartSvg(title: string, bars: Bar[]): string {
  const labelWidth = 260;
  const plotWidth = 420;
  const rowHeight = 24;
  const top = 40;
  const width = labelWidth + plotWidth + 90;
  const height = top + bars.length * rowHeight + 20;
  const largest = Math.max(1, ...bars.map((bar) => bar.valueMs));
  const rows = bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const length = Math.max(1, (bar.valueMs / largest) * plotWidth);
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${length.toFixed(1)}" height="${rowHeight - 8}" fill="#0b67d0"/>`,
      `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 16}">${bar.valueMs.toFixed(1)} ms</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="#1f2937">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="12" y="24" font-size="15" font-weight="700">${escapeXml(title)}</text>`,
    `<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${height - 16}" stroke="#d9dee5"/>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}
