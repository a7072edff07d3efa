// docs/deploy/aws-lambda.md's SAM and Serverless snippets: no AWS account here, so each is parsed as
// CloudFormation / Serverless read it and checked against what the page and the handler file say.
// (The handler file and the other TypeScript snippets run under aws-lambda-ric in
// packages/aws-lambda/test/deploy-guide.test.ts.)
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { codeBlocks, readDoc } from './helpers/markdown.js';

const page = readDoc('deploy/aws-lambda.md');
const yamlBlocks = codeBlocks(page, 'yaml');

// CloudFormation's short-form intrinsic functions, kept as { Fn: argument } so references can be followed.
const intrinsic = (name: string, kind: 'scalar' | 'sequence') =>
  new Type(`!${name}`, { kind, construct: (data: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: data }) });
const CFN_SCHEMA = DEFAULT_SCHEMA.extend([
  intrinsic('Ref', 'scalar'),
  intrinsic('GetAtt', 'scalar'),
  intrinsic('Sub', 'scalar'),
  intrinsic('GetAtt', 'sequence'),
]);

type Resource = { Type: string; DependsOn?: string | string[]; Properties?: Record<string, any> };

/** The SAM template and the ALB fragment (indented to sit under its Resources), as one Resources map. */
function resources(): Record<string, Resource> {
  const sam = yamlBlocks.find((block) => block.startsWith('Transform: AWS::Serverless-2016-10-31'));
  const alb = yamlBlocks.find((block) => block.includes('AWS::ElasticLoadBalancingV2::TargetGroup'));
  if (!sam || !alb) throw new Error('docs/deploy/aws-lambda.md: the SAM template or its ALB fragment is gone');
  const template = load(`${sam}${alb}`, { schema: CFN_SCHEMA }) as { Resources: Record<string, Resource> };
  return template.Resources;
}

describe('docs/deploy/aws-lambda.md: the SAM template', () => {
  const all = resources();
  const fn = all.App!;

  it('points the function at the handler file the page shows', () => {
    const handlerFile = codeBlocks(page, 'ts')[0] ?? '';
    const setting = /the function's handler setting is "([^"]+)"/.exec(handlerFile)?.[1];
    expect(fn.Properties?.Handler).toBe(setting);
    expect(fn.Properties?.Runtime).toMatch(/^nodejs(2[02468]|[3-9]\d)\.x$/);
  });

  it('routes every path of the REST API, the root included, and binary bodies both ways', () => {
    const rest = fn.Properties?.Events?.RestApi;
    expect(rest).toMatchObject({ Type: 'Api', Properties: { Path: '/{proxy+}', Method: 'ANY', RestApiId: { Ref: 'RestApi' } } });
    // A greedy {proxy+} matches one segment or more: without a '/' resource, GET / never reaches the app.
    const root = Object.values(fn.Properties?.Events as Record<string, { Type: string; Properties: Record<string, unknown> }>).filter(
      (event) => event.Type === 'Api' && event.Properties.Path === '/',
    );
    expect(root).toEqual([{ Type: 'Api', Properties: { Path: '/', Method: 'ANY', RestApiId: { Ref: 'RestApi' } } }]);
    // SAM escapes '/' in media types as '~1': '*~1*' is "*/*".
    expect(all.RestApi?.Properties?.BinaryMediaTypes).toEqual(['*~1*']);
    expect(fn.Properties?.FunctionUrlConfig?.InvokeMode).toMatch(/^(BUFFERED|RESPONSE_STREAM)$/);
  });

  // Found by an outside check: a target group cannot register a Lambda target until Elastic Load
  // Balancing may invoke it, so the fragment as written failed to deploy.
  it('lets the load balancer invoke the function before the target group registers it', () => {
    const group = Object.values(all).find((resource) => resource.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup')!;
    expect(group.Properties).toMatchObject({ TargetType: 'lambda', Targets: [{ Id: { 'Fn::GetAtt': 'App.Arn' } }] });
    expect(group.Properties?.TargetGroupAttributes).toContainEqual({ Key: 'lambda.multi_value_headers.enabled', Value: 'true' });
    const dependsOn = [group.DependsOn ?? []].flat();
    const permissions = dependsOn.map((name) => all[name]).filter((resource) => resource?.Type === 'AWS::Lambda::Permission');
    expect(permissions.map((permission) => permission?.Properties)).toContainEqual(
      expect.objectContaining({ Action: 'lambda:InvokeFunction', Principal: 'elasticloadbalancing.amazonaws.com', FunctionName: { 'Fn::GetAtt': 'App.Arn' } }),
    );
  });
});

describe('docs/deploy/aws-lambda.md: the Serverless Framework config', () => {
  it('uses the same handler setting and both API Gateway event kinds', () => {
    const block = yamlBlocks.find((text) => text.startsWith('provider:'));
    const config = load(block ?? '') as { provider: Record<string, any>; functions: Record<string, { handler: string; events: Array<Record<string, unknown>> }> };
    expect(config.functions.app?.handler).toBe(resources().App?.Properties?.Handler);
    expect(config.functions.app?.events).toEqual([{ httpApi: '*' }, { http: { path: '/{proxy+}', method: 'any' } }, { http: { path: '/', method: 'any' } }]);
    expect(config.provider.apiGateway?.binaryMediaTypes).toEqual(['*/*']);
  });
});
