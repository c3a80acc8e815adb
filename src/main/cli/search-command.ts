// `footprint search <text>`: the archive's full-text search, newest first. --json prints
// {"total", "hits": [{"dataset", "recordId", "at", "snippet"}]} (at: ISO 8601 UTC); the text form
// groups the hits by dataset and marks the matched words «like this».
import type { SearchHit } from '../../shared/contract';
import { formatTime } from '../../shared/time';
import { countOption, print, when, type CommandContext } from './context';
import { datasetLabel, resolveDataset } from './dataset-names';

function highlighted(h: SearchHit): string {
  let out = '';
  let from = 0;
  for (const [start, end] of h.marks) {
    out += h.snippet.slice(from, start) + '«' + h.snippet.slice(start, end) + '»';
    from = end;
  }
  return (out + h.snippet.slice(from)).replace(/\s+/g, ' ');
}

export async function searchCommand(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const query = ctx.positional.join(' ');
  const named = ctx.flags.get('dataset');
  const dataset = typeof named === 'string' ? resolveDataset(named) : undefined;
  const limit = countOption(ctx, 'limit', 1, 1000, 100);
  const r = await ctx.service.call('search', { query, datasets: dataset ? [dataset] : undefined, limit });
  const json = { total: r.total, ...(r.atLeast ? { atLeast: true } : {}), hits: r.hits.map((h) => ({ dataset: h.dataset, recordId: h.recordId, at: h.at === null ? null : formatTime(h.at), snippet: h.snippet })) };
  print(ctx, json, () => {
    if (r.total === 0) return tr.t('cli.search.none');
    const lines = [tr.t(r.atLeast ? 'cli.search.headMany' : 'cli.search.head', { total: r.total })];
    for (const d of r.datasets) {
      const hits = r.hits.filter((h) => h.dataset === d.dataset);
      lines.push('', tr.t('cli.search.dataset', { label: datasetLabel(tr, d.dataset), n: d.count }));
      for (const h of hits) lines.push(tr.t('cli.search.hit', { date: when(tr, h.at), id: h.recordId, snippet: highlighted(h) }));
      if (r.atLeast && d.count >= hits.length) lines.push(tr.t('cli.search.moreMany', { id: d.dataset }));
      else if (d.count > hits.length) lines.push(tr.t('cli.search.more', { n: d.count - hits.length, id: d.dataset }));
    }
    return lines.join('\n');
  });
}
