import { accountRoutes, DevMailboxResponse } from '@parta/protocol';

const partaUrl = (document.querySelector('meta[name="parta-url"]') as HTMLMetaElement).content;
const body = document.querySelector('#letters') as HTMLTableSectionElement;

/** The development server's outbox of sign-in codes, newest first, refreshed every two seconds. */
async function refresh() {
  const response = await fetch(partaUrl + accountRoutes.devMailbox);
  if (!response.ok) return;
  const { messages } = DevMailboxResponse.parse(await response.json());
  body.replaceChildren(
    ...messages
      .slice()
      .reverse()
      .map((message) => {
        const row = document.createElement('tr');
        for (const text of [message.to, message.code, new Date(message.at).toLocaleTimeString('ru-RU')]) {
          const cell = document.createElement('td');
          cell.textContent = text;
          row.append(cell);
        }
        return row;
      }),
  );
}

await refresh();
setInterval(refresh, 2000);
