/** CDS Hooks 2.0 discovery (`GET {baseUrl}/cds-services`): the services, their hooks and prefetch templates. */
import { z } from 'zod';

export const CdsServiceDescriptorSchema = z
  .object({
    hook: z.string().min(1),
    title: z.string().min(1).optional(),
    description: z.string().min(1),
    /** The `{id}` of `{baseUrl}/cds-services/{id}`. */
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    /** Prefetch key → FHIR read or search with `{{context.*}}` tokens. */
    prefetch: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'CdsServiceDescriptor' });
export type CdsServiceDescriptor = z.infer<typeof CdsServiceDescriptorSchema>;

export const CdsDiscoveryResponseSchema = z
  .object({ services: z.array(CdsServiceDescriptorSchema) })
  .meta({ id: 'CdsDiscoveryResponse' });
export type CdsDiscoveryResponse = z.infer<typeof CdsDiscoveryResponseSchema>;
