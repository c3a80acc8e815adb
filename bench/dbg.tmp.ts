import { createService } from '../src/main/service';
const s = createService({ dbPath: 'bench/.data/explore-1000000.db' });
const db = s.db;
const src = db.prepare('SELECT source FROM ip_places LIMIT 1').pluck().get();
console.log('places', db.prepare('SELECT count(*) FROM ip_places').pluck().get(), 'distinct combos', db.prepare('SELECT count(*) FROM (SELECT DISTINCT country, asn, org FROM ip_places)').pluck().get());
const time = (label: string, sql: string, p: object = {}) => { const st = db.prepare(sql); let t = performance.now(); st.all(p); const a = performance.now() - t; t = performance.now(); st.all(p); console.log(label, a.toFixed(1), (performance.now() - t).toFixed(1)); };
time('ip groups only', `SELECT v, count(*) FROM record_values WHERE dataset='login_history' AND field='ip' GROUP BY v`);
time('current', `SELECT typeof(g.v) = 'text' AS text, p.ip IS NOT NULL AS kept, p.valid, p.reserved, p.country, p.asn, p.org, sum(g.n) AS count
       FROM (SELECT v, count(*) AS n FROM record_values WHERE dataset = 'login_history' AND field = 'ip' GROUP BY v) g
       LEFT JOIN ip_places p ON p.ip = g.v AND p.source = @source GROUP BY 1, 2, 3, 4, 5, 6, 7`, { source: src });
time('no inner group', `SELECT typeof(g.v) = 'text' AS text, p.ip IS NOT NULL AS kept, p.valid, p.reserved, p.country, p.asn, p.org, count(*) AS count
       FROM record_values g
       LEFT JOIN ip_places p ON p.ip = g.v AND p.source = @source WHERE g.dataset = 'login_history' AND g.field = 'ip' GROUP BY 1, 2, 3, 4, 5, 6, 7`, { source: src });
time('join only', `SELECT count(p.country) FROM record_values g LEFT JOIN ip_places p ON p.ip = g.v AND p.source = @source WHERE g.dataset = 'login_history' AND g.field = 'ip'`, { source: src });
s.close();
