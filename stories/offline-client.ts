import { createClient } from '@parta/core';

/**
 * A client whose token never arrives: the widgets stay in their loading and
 * connecting states, which is what a page shows before the network answers.
 */
export const waitingClient = () =>
  createClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => new Promise<string>(() => {}), storage: 'none' });
