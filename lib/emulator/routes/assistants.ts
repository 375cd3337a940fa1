/** Assistants: create, list, retrieve (the dashboard reads them; tests create their own). */
import { CreateAssistantBody } from '../../contract';
import { paginate } from '../paginate';
import type { Route } from './router';
import { findAssistant, param } from './lookup';
import { parseBody, parseListQuery } from './input';
import type { AssistantWire, ToolDef } from '../wire';

export const assistantRoutes: Route[] = [
  {
    path: '/assistants',
    beta: true,
    methods: {
      GET: (call) => {
        const { store } = call.state.ctx;
        const page = paginate(store.assistantList, parseListQuery(call.query), (id) => store.assistants.get(id));
        return { body: { ...page, data: page.data.map((a) => a.wire) } };
      },
      POST: (call) => {
        const body = parseBody(CreateAssistantBody, call.body);
        const { store, ids } = call.state.ctx;
        const wire: AssistantWire = {
          id: ids.make('asst_'),
          object: 'assistant',
          created_at: call.now,
          name: body.name ?? null,
          description: body.description ?? null,
          model: body.model,
          instructions: body.instructions ?? null,
          tools: (body.tools ?? []) as ToolDef[],
          tool_resources: body.tool_resources
            ? {
                code_interpreter: { file_ids: body.tool_resources.code_interpreter?.file_ids ?? [] },
                file_search: { vector_store_ids: body.tool_resources.file_search?.vector_store_ids ?? [] },
              }
            : { code_interpreter: { file_ids: [] }, file_search: { vector_store_ids: [] } },
          metadata: body.metadata ?? {},
          temperature: body.temperature ?? 1,
          top_p: body.top_p ?? 1,
          response_format: body.response_format ?? 'auto',
        };
        return { body: store.addAssistant(wire).wire };
      },
    },
  },
  {
    path: '/assistants/{assistant_id}',
    beta: true,
    methods: { GET: (call) => ({ body: findAssistant(call, param(call, 'assistant_id')).wire }) },
  },
];
