/** The data file's shape: the state is parsed, never trusted, when it is read back. */
import { z } from 'zod';
import type { Criteria, EmulatorState } from './state';
import { COMPARATORS, LOCK_TYPES, LOCKED_FOR } from './state';

const Ref = z.object({ name: z.string(), id: z.string() });

const CriteriaSchema: z.ZodType<Criteria> = z.lazy(() =>
  z.union([
    z.object({
      comparator: z.enum(COMPARATORS),
      field: z.object({ api_name: z.string(), id: z.string() }),
      type: z.literal('value'),
      value: z.unknown(),
    }),
    z.object({ group_operator: z.enum(['AND', 'OR']), group: z.array(CriteriaSchema) }),
  ]),
);

export const StateSchema: z.ZodType<EmulatorState> = z.object({
  version: z.literal(1),
  nextId: z.number().int().nonnegative(),
  users: z.array(
    z.object({
      id: z.string(),
      first_name: z.string(),
      last_name: z.string(),
      email: z.string(),
      profileId: z.string(),
      role: Ref,
      locale: z.string(),
      time_zone: z.string(),
      date_format: z.string(),
      time_format: z.string(),
      language: z.string(),
      zuid: z.string(),
      status: z.enum(['active', 'inactive', 'deleted']).optional(),
    }),
  ),
  profiles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      permissions_details: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          display_label: z.string(),
          module: z.string().nullable(),
          enabled: z.boolean(),
        }),
      ),
    }),
  ),
  tokens: z.array(
    z.object({ token: z.string(), userId: z.string(), scopes: z.array(z.string()), expiresAt: z.string().nullable() }),
  ),
  customButtons: z.array(z.object({ id: z.string(), name: z.string(), module: z.string() })),
  records: z.record(
    z.string(),
    z.array(
      z.object({
        id: z.string(),
        fields: z.record(z.string(), z.unknown()),
        ownerId: z.string(),
        createdById: z.string(),
        modifiedById: z.string(),
        createdTime: z.string(),
        modifiedTime: z.string(),
        approvalState: z.enum(['approved', 'approval_process_pending', 'approval_process_rejected']),
        ziaVisionProcessing: z.boolean(),
      }),
    ),
  ),
  locks: z.array(
    z.object({
      id: z.string(),
      module: z.string(),
      recordId: z.string(),
      reason: z.string().nullable(),
      source: z.enum(['Manual', 'Automatic', 'Both']),
      lockedAt: z.string(),
      lockedById: z.string().nullable(),
      ruleId: z.string().nullable(),
      configurationId: z.string(),
      createdById: z.string(),
      modifiedById: z.string(),
      createdTime: z.string(),
      modifiedTime: z.string(),
    }),
  ),
  configurations: z.array(
    z.object({
      id: z.string(),
      module: z.string(),
      lock_type: z.enum(LOCK_TYPES),
      locked_for: z.enum(LOCKED_FOR),
      lock_excluded_profiles: z.array(Ref),
      excluded_fields: z.array(z.object({ api_name: z.string(), id: z.string() })),
      restricted_actions: z.array(z.string()),
      restricted_communications: z.array(z.string()).nullable(),
      restricted_custom_buttons: z.array(Ref).nullable(),
      lock_for_portal_users: z.boolean(),
      locking_rules: z.array(
        z.object({ id: z.string(), name: z.string(), lock_existing_records: z.boolean(), criteria: CriteriaSchema }),
      ),
      feature_type: z.literal('record_locking'),
      system_defined: z.boolean(),
      created_time: z.string(),
      modified_time: z.string(),
      created_by: Ref,
      modified_by: Ref,
    }),
  ),
});
