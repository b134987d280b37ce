/** Registers every Parta element at once. */
import './client/define.js';
import './chat-list/define.js';
import './composer/define.js';
import './thread/define.js';
import './org-switcher/define.js';
import './org-profile/define.js';
import './classes/define.js';
import './invite-links/define.js';
import './join-requests/define.js';
import './members/define.js';
import './verifications/define.js';
