import 'server-only';

// Pages read the upstream's clock here, beside their data loaders (app/ never imports lib/upstream, which holds the key).
export { upstreamNowMs } from '@/lib/upstream/clock';
