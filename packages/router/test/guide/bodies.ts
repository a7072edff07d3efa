import { createRouter, HttpError, UploadedFile } from '@tsgi/router';
import { forms } from '@tsgi/router/forms';

// Form parsing (urlencoded and multipart) is opt-in; text and JSON need nothing.
export const router = createRouter({ bodyLimit: 64 * 1024, forms });

router.post('/echo', (req) => req.text());

router.post('/users', (req) => {
  const { name } = req.json<{ name?: string }>();
  if (!name) throw new HttpError(422, 'name is required');
  return { created: name };
});

router.post('/upload', (req) => {
  const form = req.form();
  const file = form.get('file');
  return {
    title: form.get('title'),
    file: file instanceof UploadedFile ? { name: file.filename, size: file.size } : null,
  };
});
