/**
 * A stand-in for AnkiConnect (the Anki add-on) on 127.0.0.1, for tests and the bench: the
 * actions Jiedu uses, with AnkiConnect 6's results and error strings, its origin check
 * (webCorsOriginList: another origin gets 403 except for requestPermission) and its CORS
 * headers. It keeps notes in memory; `requests` records what it was asked.
 *
 * Run by hand: `npx tsx tests/support/anki-connect-standin.ts [port]` (default 8765).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export interface StandinNote {
  noteId: number;
  modelName: string;
  deckName: string;
  fields: Record<string, string>;
  tags: string[];
}

export interface StandinOptions {
  /** Origins in webCorsOriginList; 'any' lets every origin in. Default: 'any'. */
  allowedOrigins?: string[] | 'any';
  /** What `version` answers (AnkiConnect 6 answers 6). */
  apiVersion?: number;
  /** Answer every action with "collection is not available", as Anki does with no profile open. */
  noCollection?: boolean;
  /** What the user answers in Anki's permission dialog. Default: deny. */
  grantOnRequest?: boolean;
  /** An AnkiConnect older than 23.10.29, which has no modelFieldAdd and modelTemplateAdd. */
  noModelEditing?: boolean;
}

interface Request {
  action: string;
  version?: number;
  params?: Record<string, unknown>;
}

const dupKey = (model: string, deck: string, first: string) => `${model}\u0000${deck}\u0000${first}`;

function stripHtml(s: string): string {
  return s.replace(/<[^>]*>/g, '').trim();
}

export class AnkiConnectStandin {
  readonly notes: StandinNote[] = [];
  readonly decks = new Set(['Default']);
  readonly models = new Map<string, string[]>([
    ['Basic', ['Front', 'Back']],
    ['Einfach', ['Vorderseite', 'Rückseite']],
  ]);
  /** Each note type's card templates by name, as `modelTemplates` answers. */
  readonly templates = new Map<string, Record<string, { Front: string; Back: string }>>([
    ['Basic', { 'Card 1': { Front: '{{Front}}', Back: '{{FrontSide}}<hr id=answer>{{Back}}' } }],
    ['Einfach', { 'Karte 1': { Front: '{{Vorderseite}}', Back: '{{FrontSide}}<hr id=answer>{{Rückseite}}' } }],
  ]);
  readonly requests: Request[] = [];
  readonly media = new Map<string, string>();
  private nextId = 1_700_000_000_000;
  /** Anki's duplicate check: the first field's text within one note type and deck. */
  private readonly firstFields = new Set<string>();
  private server: Server | null = null;

  constructor(readonly opts: StandinOptions = {}) {}

  get url(): string {
    const a = this.server?.address() as AddressInfo | null;
    if (!a) throw new Error('stand-in not listening');
    return `http://127.0.0.1:${a.port}`;
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    return this.url;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  }

  private allowed(origin: string | undefined): boolean {
    const list = this.opts.allowedOrigins ?? 'any';
    return list === 'any' || origin === undefined || list.includes(origin);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const corsOrigin = origin !== undefined && this.allowed(origin) ? origin : 'http://localhost';
    const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': corsOrigin, 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Private-Network': 'true' };
    if (req.method === 'OPTIONS') {
      res.writeHead(200, headers).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text === '') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/plain' }).end('AnkiConnect');
      return;
    }
    let body: Request;
    try {
      body = JSON.parse(text) as Request;
    } catch {
      res.writeHead(200, headers).end('null');
      return;
    }
    if (!this.allowed(origin) && body.action !== 'requestPermission') {
      res.writeHead(403, headers).end();
      return;
    }
    res.writeHead(200, headers).end(JSON.stringify(this.handle(body, origin)));
  }

  /** One request, as AnkiConnect's handler answers it. */
  handle(req: Request, origin?: string): unknown {
    this.requests.push(req);
    try {
      const result = this.run(req.action, req.params ?? {}, origin);
      return (req.version ?? 4) <= 4 ? result : { result, error: null };
    } catch (err) {
      return { result: null, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private run(action: string, p: Record<string, unknown>, origin?: string): unknown {
    if (action === 'requestPermission') {
      if (this.allowed(origin) || this.opts.grantOnRequest) return { permission: 'granted', requireApiKey: false, version: this.opts.apiVersion ?? 6 };
      return { permission: 'denied' };
    }
    if (action === 'version') return this.opts.apiVersion ?? 6;
    if (this.opts.noCollection) throw new Error('collection is not available');
    if (this.opts.noModelEditing && (action === 'modelFieldAdd' || action === 'modelTemplateAdd')) throw new Error('unsupported action');
    switch (action) {
      case 'deckNames':
        return [...this.decks];
      case 'createDeck':
        this.decks.add(String(p['deck']));
        return this.nextId++;
      case 'modelNames':
        return [...this.models.keys()];
      case 'modelFieldNames': {
        const fields = this.models.get(String(p['modelName']));
        if (!fields) throw new Error(`model was not found: ${String(p['modelName'])}`);
        return fields;
      }
      case 'createModel': {
        const name = String(p['modelName']);
        if (this.models.has(name)) throw new Error('Model name already exists');
        const fields = p['inOrderFields'] as string[];
        if (!Array.isArray(fields) || fields.length === 0) throw new Error('Must provide at least one field for inOrderFields');
        const cards = p['cardTemplates'] as { Name?: string; Front: string; Back: string }[];
        if (!Array.isArray(cards) || cards.length === 0) throw new Error('Must provide at least one card for cardTemplates');
        this.models.set(name, fields);
        this.templates.set(name, Object.fromEntries(cards.map((c, i) => [c.Name ?? `Card ${i + 1}`, { Front: c.Front, Back: c.Back }])));
        return { id: this.nextId++, name, flds: fields.map((f, ord) => ({ name: f, ord })) };
      }
      case 'modelTemplates':
        return this.templates.get(this.model(p['modelName'])) ?? {};
      case 'modelFieldAdd': {
        // Adds the field unless it is there (AnkiConnect 23.10.29 and later).
        const fields = this.models.get(this.model(p['modelName']))!;
        if (!fields.includes(String(p['fieldName']))) fields.push(String(p['fieldName']));
        return null;
      }
      case 'modelTemplateAdd': {
        // Adds the template, or replaces the one of the same name.
        const t = p['template'] as { Name: string; Front: string; Back: string };
        this.templates.get(this.model(p['modelName']))![t.Name] = { Front: t.Front, Back: t.Back };
        return null;
      }
      case 'canAddNotes':
        return (p['notes'] as Record<string, unknown>[]).map((n) => this.problemWith(n) === null);
      case 'addNote':
        return this.add(p['note'] as Record<string, unknown>);
      case 'addNotes': {
        // AnkiConnect gathers the errors of the notes it could not add and reports them all.
        const errors: string[] = [];
        const ids = (p['notes'] as Record<string, unknown>[]).map((n) => {
          try {
            return this.add(n);
          } catch (err) {
            errors.push((err as Error).message);
            return null;
          }
        });
        if (errors.length > 0) throw new Error(JSON.stringify(errors));
        return ids;
      }
      case 'findNotes':
        return this.find(String(p['query'] ?? ''));
      case 'notesInfo':
        return (p['notes'] as number[]).map((id) => {
          const n = this.notes.find((x) => x.noteId === id);
          if (!n) return {};
          const order = this.models.get(n.modelName) ?? [];
          return { noteId: n.noteId, modelName: n.modelName, tags: n.tags, fields: Object.fromEntries(order.map((f, i) => [f, { value: n.fields[f] ?? '', order: i }])), cards: [] };
        });
      case 'updateNoteFields': {
        const note = p['note'] as { id: number; fields: Record<string, string> };
        const n = this.notes.find((x) => x.noteId === note.id);
        if (!n) throw new Error(`Note was not found: ${note.id}`);
        Object.assign(n.fields, note.fields);
        return null;
      }
      case 'storeMediaFile':
        this.media.set(String(p['filename']), String(p['data'] ?? ''));
        return String(p['filename']);
      case 'multi':
        return (p['actions'] as Request[]).map((a) => this.handle(a, origin));
      default:
        throw new Error('unsupported action');
    }
  }

  /** The note type's name, as AnkiConnect's getModel checks it. */
  private model(name: unknown): string {
    if (!this.models.has(String(name))) throw new Error(`model was not found: ${String(name)}`);
    return String(name);
  }

  private problemWith(n: Record<string, unknown>): string | null {
    const model = this.models.get(String(n['modelName']));
    if (!model) return `model was not found: ${String(n['modelName'])}`;
    if (!this.decks.has(String(n['deckName']))) return `deck was not found: ${String(n['deckName'])}`;
    const fields = (n['fields'] ?? {}) as Record<string, string>;
    const first = stripHtml(fields[model[0]!] ?? '');
    if (first === '') return 'cannot create note because it is empty';
    const options = (n['options'] ?? {}) as { allowDuplicate?: boolean };
    if (!options.allowDuplicate && this.firstFields.has(dupKey(String(n['modelName']), String(n['deckName']), first))) {
      return 'cannot create note because it is a duplicate';
    }
    return null;
  }

  private add(n: Record<string, unknown>): number {
    const problem = this.problemWith(n);
    if (problem) throw new Error(problem);
    const note: StandinNote = {
      noteId: this.nextId++,
      modelName: String(n['modelName']),
      deckName: String(n['deckName']),
      fields: { ...(n['fields'] as Record<string, string>) },
      tags: [...((n['tags'] as string[]) ?? [])],
    };
    this.notes.push(note);
    this.firstFields.add(dupKey(note.modelName, note.deckName, stripHtml(note.fields[this.models.get(note.modelName)![0]!] ?? '')));
    return note.noteId;
  }

  /** The searches Jiedu makes: `"note:NAME"` and `"Field:value"` terms joined by OR. */
  private find(query: string): number[] {
    const terms = [...query.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
    const model = terms.find((t) => t.startsWith('note:'))?.slice(5);
    const wanted = terms
      .filter((t) => !t.startsWith('note:'))
      .map((t) => {
        const at = t.indexOf(':');
        return { field: t.slice(0, at), value: t.slice(at + 1) };
      });
    return this.notes.filter((n) => (model === undefined || n.modelName === model) && (wanted.length === 0 || wanted.some((w) => n.fields[w.field] === w.value))).map((n) => n.noteId);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = new AnkiConnectStandin();
  console.log(`AnkiConnect stand-in on ${await s.listen(Number(process.argv[2] ?? 8765))}`);
}
