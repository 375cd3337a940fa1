/** Files: metadata and content (chart PNGs from code_interpreter, knowledge-base text). */
import { notFound } from '../errors';
import type { Call } from '../state';
import type { FileRec } from '../store';
import { param } from './lookup';
import type { Route } from './router';

function findFile(call: Call): FileRec {
  const id = param(call, 'file_id');
  const file = call.state.ctx.store.files.get(id);
  if (!file) throw notFound('file', id);
  return file;
}

export const fileRoutes: Route[] = [
  { path: '/files/{file_id}', beta: false, methods: { GET: (call) => ({ body: findFile(call).wire }) } },
  {
    path: '/files/{file_id}/content',
    beta: false,
    methods: {
      GET: (call) => {
        const file = findFile(call);
        return { body: null, raw: { contentType: file.contentType, data: file.content() } };
      },
    },
  },
];
