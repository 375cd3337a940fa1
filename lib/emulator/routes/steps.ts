/** Run steps: list and retrieve, with include[] for file_search result content. */
import { notFound } from '../errors';
import { paginate } from '../paginate';
import { stepView } from '../views';
import { findRun, findThread, param } from './lookup';
import { parseInclude, parseListQuery } from './input';
import type { Route } from './router';

export const stepRoutes: Route[] = [
  {
    path: '/threads/{thread_id}/runs/{run_id}/steps',
    beta: true,
    methods: {
      GET: (call) => {
        const run = findRun(call, findThread(call));
        const include = parseInclude(call.query);
        const query = parseListQuery(call.query);
        const { store } = call.state.ctx;
        const page = paginate(run.steps, query, (id) => {
          const step = store.steps.get(id);
          return step && step.wire.run_id === run.id ? step : undefined;
        });
        return { body: { ...page, data: page.data.map((s) => stepView(s, include)) } };
      },
    },
  },
  {
    path: '/threads/{thread_id}/runs/{run_id}/steps/{step_id}',
    beta: true,
    methods: {
      GET: (call) => {
        const run = findRun(call, findThread(call));
        const include = parseInclude(call.query);
        const id = param(call, 'step_id');
        const step = call.state.ctx.store.steps.get(id);
        if (!step || step.wire.run_id !== run.id) throw notFound('step', id);
        return { body: stepView(step, include) };
      },
    },
  },
];
