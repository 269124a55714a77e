# logging: %(funcName)s %(lineno)d %(module)s %(filename)s name the caller
import io
import logging

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter(
    '%(levelname)s %(module)s %(filename)s %(funcName)s:%(lineno)d %(message)s'))
log = logging.getLogger('caller')
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False


def work():
    log.info('inside work')
    log.warning('second line of work')


class Worker:
    def run(self):
        log.debug('inside run')
        try:
            1 / 0
        except ZeroDivisionError:
            log.exception('failed')


def helper(msg):
    log.info(msg, stacklevel=2)


def outer():
    helper('reported at the caller of helper')


log.info('at module level')
work()
Worker().run()
outer()
adapter = logging.LoggerAdapter(log, {'k': 1})
adapter.info('through an adapter')
log.log(logging.ERROR, 'through log()')

root_stream = io.StringIO()
logging.basicConfig(stream=root_stream, level=logging.INFO,
                    format='%(funcName)s %(lineno)d %(module)s %(message)s')


def root_user():
    logging.info('module-level info')
    logging.warning('module-level warning')


root_user()
log.info('with stack', stack_info=True)
record = log.makeRecord('x', logging.INFO, '/a/b/c.py', 5, 'm', (), None, func='f')
print(record.filename, record.module, record.lineno, record.funcName)

for line in stream.getvalue().splitlines():
    if line.startswith('  File') or line.startswith('    '):
        continue  # traceback / stack details vary
    print(line)
print(root_stream.getvalue(), end='')
