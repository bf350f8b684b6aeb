/**
 * `/settings/record_locking_configurations[/{id}]?module=M`: read, create, update, delete a
 * module's locking configuration. Needs the Customize Zoho CRM permission.
 */
import { z } from 'zod';
import { canCustomize } from '../auth';
import { readJsonObject } from '../body';
import { buildConfiguration } from '../configuration-input';
import { refuse, WRAPPER } from '../configuration-refusals';
import { ERRORS, errorResponse, fail, jsonResponse, noContent } from '../errors';
import { findModule, type ModuleMeta } from '../modules';
import type { ConfigurationState } from '../state';
import { configurationOf, lockExistingRecords, releaseRuleLocks, removeLocks } from '../store';
import { isZohoId, type Handler, type RouteContext } from './context';

const Body = z.object({ [WRAPPER]: z.array(z.record(z.string(), z.unknown())).min(1).max(1) });

/** The `module` parameter and the caller's right to customize, checked for every verb. */
const moduleFor = (context: RouteContext): ModuleMeta => {
  const name = context.url.searchParams.get('module');
  if (name === null || name === '') fail(ERRORS.requiredParamMissing, { param_name: 'module' });
  const module = findModule(name ?? '');
  if (!module) return fail(ERRORS.invalidModule, {});
  if (!canCustomize(context.caller.profile)) {
    fail(ERRORS.customizeDenied, { permissions: ['Crm_Implied_Customize_Zoho_CRM'] });
  }
  return module;
};

const render = (configuration: ConfigurationState): Record<string, unknown> => {
  const { module: _module, ...zohoShape } = configuration;
  return structuredClone(zohoShape);
};

const readItem = async (request: Request): Promise<Record<string, unknown>> => {
  const parsed = Body.safeParse(await readJsonObject(request));
  if (!parsed.success) return fail(ERRORS.invalidBody, { expected_data_type: 'jsonarray', api_name: WRAPPER });
  return parsed.data[WRAPPER][0] ?? {};
};

const success = (status: number, id: string, message: string): Response =>
  jsonResponse(status, { [WRAPPER]: [{ code: 'SUCCESS', details: { id }, message, status: 'success' }] });

export const getConfiguration: Handler = (context) => {
  const module = moduleFor(context);
  const configuration = configurationOf(context.state, module.apiName);
  const id = context.params['id'];
  if (id !== undefined && (!isZohoId(id) || configuration?.id !== id)) {
    return errorResponse(ERRORS.invalidId, { resource_path_index: 2 });
  }
  if (!configuration) return noContent();
  return jsonResponse(200, { [WRAPPER]: [render(configuration)] });
};

export const createConfiguration: Handler = async (context) => {
  const { state, caller, now } = context;
  const module = moduleFor(context);
  const input = await readItem(context.request);
  if (configurationOf(state, module.apiName)) {
    return errorResponse(ERRORS.configurationExists, { param_name: 'module', limit: 1 });
  }
  const draft = buildConfiguration(state, module, input, null, caller, now);
  state.configurations.push(draft.configuration);
  for (const rule of draft.lockExisting) lockExistingRecords(state, draft.configuration, rule, now);
  return success(201, draft.configuration.id, 'record locking configuration created successfully');
};

export const updateConfiguration: Handler = async (context) => {
  const { state, caller, now } = context;
  const module = moduleFor(context);
  const input = await readItem(context.request);
  const pathId = context.params['id'];
  const bodyId = input['id'];
  const id = pathId ?? (typeof bodyId === 'string' || typeof bodyId === 'number' ? String(bodyId) : undefined);
  if (id === undefined) {
    return refuse(ERRORS.mandatoryNotFound, 'id');
  }
  const base = configurationOf(state, module.apiName);
  if (!base || base.id !== id) {
    return pathId !== undefined
      ? errorResponse(ERRORS.invalidId, { resource_path_index: 2 })
      : refuse(ERRORS.invalidId, 'id');
  }
  if (base.system_defined) return errorResponse(ERRORS.systemConfigUpdate, { resource_path_index: 1 });
  const draft = buildConfiguration(state, module, input, base, caller, now);
  state.configurations = state.configurations.map((c) => (c.id === base.id ? draft.configuration : c));
  const deleted = new Set(draft.deletedRuleIds);
  const rulesOff = draft.configuration.lock_type === 'manual';
  releaseRuleLocks(state, module.apiName, (l) => rulesOff || (l.ruleId !== null && deleted.has(l.ruleId)));
  for (const rule of draft.lockExisting) lockExistingRecords(state, draft.configuration, rule, now);
  return success(200, base.id, 'record locking configuration updated successfully');
};

/** Deleting a configuration unlocks every record of its module. */
export const deleteConfiguration: Handler = (context) => {
  const { state } = context;
  const module = moduleFor(context);
  const pathId = context.params['id'];
  const ids = pathId !== undefined ? [pathId] : (context.url.searchParams.get('ids') ?? '').split(',').filter((s) => s);
  if (ids.length === 0) return errorResponse(ERRORS.requiredParamMissing, { param_name: 'ids' });
  const configuration = configurationOf(state, module.apiName);
  if (!configuration || ids.some((id) => id !== configuration.id)) {
    return errorResponse(ERRORS.invalidId, { resource_path_index: 2 });
  }
  if (configuration.system_defined) return errorResponse(ERRORS.systemConfigDelete, { resource_path_index: 1 });
  state.configurations = state.configurations.filter((c) => c.id !== configuration.id);
  removeLocks(state, (l) => l.module !== module.apiName);
  return success(200, configuration.id, 'record locking configuration deleted');
};
