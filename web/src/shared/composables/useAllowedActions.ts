// What the caller may do to each row of a list (GET /{collection}/{id}/actions), so that a table
// shows only the buttons that will work: the server decides from state, grant and scope.
import { ref } from 'vue'
import { kindsApi, type AllowedAction } from '@/shared/kinds'

export function useAllowedActions(collection: string) {
  const allowed = ref(new Map<string, Set<AllowedAction>>())

  /** Asks for the rows' actions (all at once); the previous rows' are forgotten. */
  async function loadFor(ids: string[]): Promise<void> {
    const entries = await Promise.all(ids.map(async (id) => [id, await kindsApi.allowedActions(collection, id)] as const))
    allowed.value = new Map(entries)
  }

  /** True when the server said the caller may do `action` to the row now. */
  function may(id: string, action: AllowedAction): boolean {
    return allowed.value.get(id)?.has(action) ?? false
  }

  return { loadFor, may }
}
