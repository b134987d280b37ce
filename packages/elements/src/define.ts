/** Registers every Parta element at once. */
import './client/define.js';
import './chat-list/define.js';
import './composer/define.js';
import './thread/define.js';
