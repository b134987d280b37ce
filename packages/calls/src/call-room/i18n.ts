import type { Locale } from '@parta/protocol';

const ru = {
  call: 'Звонок',
  join: 'Присоединиться',
  joining: 'Подключение к звонку…',
  leave: 'Выйти из звонка',
  microphone: 'Микрофон',
  camera: 'Камера',
  joinWithMic: 'С микрофоном',
  joinWithCamera: 'С камерой',
  you: 'Вы',
  muted: 'Микрофон выключен',
  reconnecting: 'Связь прервалась, переподключаемся…',
  participants: (n: number) => `Участников: ${n}`,
  noChat: 'Не выбран чат для звонка',
  failed: 'Не удалось подключиться к звонку',
};

const en: typeof ru = {
  call: 'Call',
  join: 'Join',
  joining: 'Joining the call…',
  leave: 'Leave the call',
  microphone: 'Microphone',
  camera: 'Camera',
  joinWithMic: 'With microphone',
  joinWithCamera: 'With camera',
  you: 'You',
  muted: 'Microphone off',
  reconnecting: 'Connection lost, reconnecting…',
  participants: (n: number) => `Participants: ${n}`,
  noChat: 'No chat is chosen for the call',
  failed: 'Could not join the call',
};

export const strings = (locale: Locale | undefined) => (locale === 'en' ? en : ru);
