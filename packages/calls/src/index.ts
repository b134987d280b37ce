/**
 * @parta/calls: the call room. The only Parta package that loads
 * livekit-client; import `@parta/calls/call-room/define` to register the tag.
 */
export { PartaCallRoom } from './call-room/call-room.js';
export { PartaCallJoinEvent, PartaCallLeaveEvent } from './events/call.js';
