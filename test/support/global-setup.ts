import { startStack } from './stack.ts';

export default async function globalSetup() {
  const stack = await startStack();
  process.env.PARTA_URL = stack.partaUrl;
  process.env.DEMO_URL = stack.demoUrl;
  return () => stack.stop();
}
