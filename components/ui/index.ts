// The shared UI kit. Import from '@/components/ui' (or the file directly); client-only pieces carry 'use client'.
export { cn } from './cn';
export { Button, ButtonLink, buttonClasses, type ButtonVariant, type ButtonSize } from './button';
export { Badge, type Tone } from './badge';
export { RunStatusBadge, runStatusLook } from './run-status-badge';
export { CopyButton, CopyableId } from './copy-button';
export { RelativeTime } from './relative-time';
export { useNow } from './use-now';
export { Card, Facts } from './card';
export { Spinner, Skeleton, SkeletonRows } from './spinner';
export { EmptyState } from './empty-state';
export { ErrorState, errorFacts, isTransientError, type ErrorFacts } from './error-state';
export { CursorPagination } from './pagination';
export { JsonView, toPrettyJson } from './json-view';
export { Field, fieldAria, Input, Textarea, Select, Checkbox } from './field';
