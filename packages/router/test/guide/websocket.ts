import { createRouter } from '@tsgi/router';
import { websocket } from '@tsgi/router/websocket';

export const router = createRouter({ websocket });

router.ws('/chat/:room', async (socket) => {
  if (!socket.request.cookies.user) return socket.reject(401, 'log in first');
  await socket.accept({ subprotocol: socket.subprotocols.includes('chat.v1') ? 'chat.v1' : null });
  await socket.send(`welcome to ${socket.params.room}`);
  for await (const message of socket) {
    if (message === 'bye') return socket.close(1000, 'see you');
    await socket.send(`${socket.request.cookies.user}: ${String(message)}`);
  }
});
