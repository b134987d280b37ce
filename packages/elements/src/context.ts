import { createContext } from '@lit/context';
import type { PartaClient } from '@parta/core';

/**
 * The page's Parta client, handed down from `<parta-client>` to every widget
 * inside it. The key is global so separately bundled packages (such as
 * `@parta/calls`) find the same provider.
 */
export const partaClientContext = createContext<PartaClient | undefined>(Symbol.for('parta.client'));
